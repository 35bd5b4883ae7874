## The account page (/account), the avatar form, the public profile (/u/<name>) and the
## deletion grace period (/account/deletion).

account-title = Account
account-loading = Loading…
# Followed by the account's email address.
account-signed-in-as = Signed in as{" "}
account-security-link = Security and devices

## Avatar.

avatar-heading = Avatar
avatar-label = Avatar
avatar-hint = JPEG, PNG or WebP, up to 5 MB.
avatar-progress = Upload progress
avatar-upload = Upload avatar
avatar-remove = Remove avatar
avatar-updated = Avatar updated.
avatar-unsupported = Your browser cannot upload files here.
avatar-upload-failed = The upload failed. Please try again.
avatar-upload-offline = The upload failed. Check your connection and try again.
avatar-error-gif = GIF images are not supported. Use a JPEG, PNG or WebP image.
avatar-error-damaged = That image is damaged or incomplete.
avatar-error-too-large = Images must be 5 MB or smaller.
avatar-error-too-many-pixels = Images must be at most 4096 pixels on each side.
avatar-error-not-one-file = Choose one image.
avatar-error-signed-out = Please sign in to continue.
avatar-error-not-image = That file is not a JPEG, PNG or WebP image.

## Profile.

profile-heading = Profile
profile-saved = Saved.
profile-display-name = Display name
profile-username = Username
profile-bio = Bio
# Followed by the link to the public profile.
profile-public-link = Public profile:
profile-save = Save
profile-unavailable = This profile cannot be shown right now.

## Deletion grace period.

deletion-title = Your account is being deleted
# $when: the date, as "December 3, 2026".
deletion-due = It will be deleted on { $when }. Until then nobody can use it, and its profile and avatar are gone.
deletion-keep = Keep my account
deletion-delete-now = Delete now
deletion-not-pending = Your account is not being deleted
deletion-go-to-account = Go to your account
