## What people read when the server refuses or fails (server crate: ServiceError and the small
## error pages). `{ $provider }` is a sign-in provider's label (Google, GitHub, …).

## Any request.

err-invalid-credentials = Incorrect email or password.
err-email-taken = An account with this email already exists
err-rate-limited = { $count ->
    [one] Too many attempts. Try again in { $count } minute.
   *[other] Too many attempts. Try again in { $count } minutes.
}
err-unauthorized = Please sign in to continue.
err-needs-recent-sign-in = Confirm your password to continue
err-unverified = Verify your email address first.
err-not-found = That no longer exists.
err-locked = This account is locked. Contact support to unlock it.
err-invalid-link = This link is invalid or has expired.
err-internal = Something went wrong on our side. Please try again.
# After a message about a failure on our side: the request id support looks for.
err-reference = Reference: { $id }
err-server-misconfigured = Server misconfigured.
err-wrong-current-password = Your current password is incorrect
err-passkey-failed = That passkey did not work. Try again, or sign in another way.

## Form fields.

err-email-invalid = Enter a valid email address
err-display-name-empty = Enter a display name
err-display-name-too-long = Use at most 50 characters
err-display-name-control = Remove the special characters
err-username-format = Use 3 to 30 letters, digits or underscores
err-username-reserved = That username is reserved
err-username-taken = That username is taken
err-bio-too-long = Use at most 280 characters
err-password-too-short = Use at least 12 characters
err-password-too-long = Use at most 128 characters
err-password-weak = This password is too easy to guess
err-password-breached = This password has appeared in a data breach. Choose another.

## The email address and mailed sign-in codes.

err-email-just-sent = We just sent one. You can ask for another email in a minute.
err-email-daily-limit = You have asked for ten emails today. Try again tomorrow.
err-email-taken-since = That address now belongs to another account.
err-email-same = That is already your address
err-email-change-limit = You have asked to change your address five times this hour. Try again later.
err-email-code-expired = This code has expired or was replaced by a newer one. Ask for a new code.
err-email-code-too-many = Too many wrong codes. Ask for a new code.
err-email-code-wrong = That code is not right. Check the email and try again.
err-email-code-other-browser = This link signs in only the browser where the code was asked for. Type the code there.
err-email-code-empty = Enter the code from the email

## Two-step verification.

err-two-step-already-on = Two-step verification is already on.
err-two-step-off = Two-step verification is off.
err-two-step-setup-expired = Start setting up two-step verification again.
err-two-step-wrong-code = That code is not right. Check the time on your phone and try again.
err-two-step-wrong-recovery-code = That recovery code is not right, or it was already used.
err-two-step-expired = This sign-in has expired. Sign in again.
err-two-step-too-many = Too many wrong codes. Sign in again.
err-two-step-no-code = Enter the 6-digit code from your authenticator app.
err-two-step-no-recovery-code = Enter one of your recovery codes.

## Passkeys.

err-passkey-none = Your account has no passkey. Confirm with your password instead.
err-passkey-expired = This passkey request has expired. Try again.
err-passkey-last-way-in = Set a password or connect Google before removing your last passkey.
err-passkey-busy = Passkey sign-in is busy right now. Try again in a minute, or sign in another way.
err-passkey-name-length = Use 1 to 60 characters
err-passkey-already-registered = This passkey is already registered.
err-password-last-way-in = Add a passkey or connect Google before removing your password.

## Sign-in providers.

err-sign-in-attempt-expired = This sign-in attempt expired. Please try again.
err-provider-unavailable = { $provider } is unavailable right now. Try again or use your password.
err-provider-rejected = { $provider } sign-in failed. Please try again.
err-provider-email-unverified = { $provider } has not verified this email address. Verify it with { $provider }, or sign up with a password.
err-provider-no-verified-email = Your { $provider } account has no verified email address.
err-provider-account-exists = An account with this email exists. Sign in with your password to connect { $provider }.
err-provider-linked-elsewhere = This { $provider } account is already connected to another account.
err-provider-already-connected = Your account is already connected to another { $provider } account. Disconnect it first.
err-provider-needs-password = Set a password before disconnecting { $provider }.
err-provider-not-connected = Your account has no { $provider } sign-in to confirm with.

## Profile, avatar and deletion.

err-deletion-scheduled = Your account is being deleted. Keep it first.
err-delete-from-security-page = Delete the account from the security page.
err-delete-sign-in-again = Sign in again, then delete the account within 10 minutes
err-avatar-not-an-image = That file is not a JPEG, PNG or WebP image.
err-avatar-gif = GIF images are not supported. Use a JPEG, PNG or WebP image.
err-avatar-damaged = That image is damaged or incomplete.
err-avatar-too-large = Images must be 5 MB or smaller.
err-avatar-too-many-pixels = Images must be at most 4096 pixels on each side.
err-avatar-not-one-file = Choose one image.
err-avatar-too-many = Too many uploads. Try again in an hour.

## The small error pages and plain answers.

err-page-something-went-wrong-title = Something went wrong
err-page-something-went-wrong = Something went wrong.
err-page-unavailable-title = Temporarily unavailable
err-page-database = We can't reach our database right now. Please try again in a moment.
err-page-try-again = Try again
err-cross-site = This request did not come from this site.
err-media-not-found = Not found
err-media-unavailable = Storage unavailable
