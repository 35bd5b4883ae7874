## The security page (/account/security): devices, recent activity, passkeys, two-step
## verification (also /account/two-step), connected accounts, email, password, data, deletion.

security-title = Security
security-devices-heading = Devices
security-devices-loading = Loading devices…
security-sign-out-others = Sign out other devices
security-sign-out-everywhere = Sign out everywhere
security-this-device = This device
security-device-ip = IP
security-device-signed-in = Signed in
# "With": how the device signed in (password, passkey, Google…).
security-device-with = With
security-device-last-active = Last active
security-device-sign-out = Sign out
# In place of a device's IP address when none was recorded.
security-ip-unknown = unknown
security-sign-out-this-device = Use “Sign out” in the header to sign out this device.
security-change-password = Change password
# "… To set one, " <link>"ask for a link by email"</link> "."
security-no-password-before = Your account has no password yet: you sign in with a code by email, a passkey or a connected account. To set one,
security-no-password-link = ask for a link by email
security-no-password-after = .
security-password-changed = Password changed. Other devices have been signed out.
security-current-password = Current password
security-new-password = New password
security-email-heading = Email
security-email-sent = We've sent a link to { $address }.
security-new-email = New email
security-change-email = Change email
security-data-heading = Your data
security-data-text = A JSON file with your profile, sign-in methods, devices, security events and the mails we sent you. We email you when it is downloaded.
security-data-download = Download my data
security-delete-account = Delete account
security-delete-text = This removes your account, your profile and your avatar. It cannot be undone.
security-delete-text-grace = Your profile and avatar disappear at once and every device is signed out. The account is deleted { $days ->
    [one] a day
   *[other] { $days } days
  } later: sign in before then to keep it.
security-delete-no-password = Your account has no password: sign in again if it was more than 10 minutes ago.

## Recent activity.

activity-heading = Recent activity
activity-loading = Loading activity…
activity-none = Nothing yet.

## Passkeys.

passkey-heading = Passkeys
passkey-intro = Sign in with your fingerprint, face or screen lock instead of a password.
passkey-none = No passkeys yet.
passkey-without-password = With a passkey you can do without a password.
passkey-remove-password = Remove password
passkey-added = Added
passkey-last-used = Last used
# "Last used: never".
passkey-never = never
passkey-new-name = New name
passkey-rename = Rename
passkey-remove = Remove
passkey-add = Add a passkey
passkey-name = Passkey name
passkey-name-placeholder = This device
passkey-sign-in = Sign in with a passkey
passkey-confirm = Confirm with a passkey
passkey-already = This device already has a passkey for your account.
passkey-failed = That passkey did not work. Try again.
passkey-generic = Something went wrong. Try again.

## Two-step verification.

twostep-title = Two-step verification
twostep-set-up = Set up two-step verification
twostep-setup-intro = After your password or a connected account, signing in will ask for a code from an authenticator app on your phone.
twostep-scan = Scan this QR code with your authenticator app:
twostep-scan-new = Scan this QR code with your new authenticator app:
# Followed by the key, in groups of four.
twostep-enter-key = Or enter this key:
twostep-enter-code = Enter the 6-digit code the app shows.
twostep-code = Code
twostep-turn-on = Turn on
twostep-codes-heading = Save your recovery codes
twostep-codes-intro = If you lose your phone, each of these codes signs you in once instead of a code from the app. Keep them somewhere safe: they are shown only now.
twostep-codes-saved = I saved my codes
twostep-on-heading = Two-step verification is on
twostep-replaced = Your new authenticator app is set up; the old one no longer works.
twostep-codes-left = { $count ->
    [one] { $count } recovery code left.
   *[other] { $count } recovery codes left.
}
twostep-new-codes = Make new recovery codes
twostep-lost-phone = Lost your phone?
twostep-new-app = Set up a new authenticator app
twostep-replace-intro = The new app replaces the old one: codes from the old app stop working, and your other devices are signed out.
twostep-new-code = Code from the new app
twostep-current-code = Code from your current app
twostep-use-new-app = Use the new app
twostep-cancel = Cancel
twostep-turn-off = Turn off
twostep-recovery-code = Recovery code
twostep-use-app = Use your authenticator app instead
twostep-use-recovery = Use a recovery code instead
twostep-summary-on = On: signing in asks for a code from your authenticator app.
twostep-summary-off = Off. Add a code from an authenticator app to your sign-in.
twostep-manage = Manage two-step verification

## Connected accounts ($provider: Google, GitHub…).

connected-heading = Connected accounts
connected-now = { $provider } is now connected.
connected-disconnected = { $provider } has been disconnected.
connected-connect = Connect
connected-disconnect = Disconnect
