## The security trail's events (security page, admin console), sign-in methods (device list)
## and device names.

event-signed-up = Account created
event-signed-in = Signed in
event-sign-in-failed = Failed sign-in attempt
event-locked-out = Sign-in paused after repeated failures
event-password-changed = Password changed
event-password-reset = Password reset by email
event-email-change-requested = Email change requested
event-email-changed = Email address changed
event-provider-connected = Sign-in provider connected
event-provider-disconnected = Sign-in provider disconnected
event-devices-signed-out = Devices signed out
event-token-reused = A copied session was used; that device was signed out
event-two-step-enabled = Two-step verification turned on
event-two-step-disabled = Two-step verification turned off
event-recovery-codes-regenerated = New recovery codes made
event-recovery-code-used = Signed in with a recovery code
event-passkey-added = Passkey added
event-passkey-removed = Passkey removed
event-password-removed = Password removed
event-account-locked = Account locked by support
event-account-unlocked = Account unlocked by support
event-password-entered-code-asked = Password entered, code asked
event-wrong-code = Wrong code entered
event-codes-locked-out = Code entry paused after repeated wrong codes
event-unproven-methods-removed = Sign-in methods added before the address was confirmed were removed
event-two-step-reset = Two-step verification reset by support
event-not-me = Reported “This wasn't me”: every device signed out
event-address-verified-by-support = Address marked verified by support
event-data-exported = Your data was downloaded
event-deletion-scheduled = Account deletion asked for
event-deletion-cancelled = Account kept: deletion cancelled
event-verification-resent-by-support = Verification mail resent by support

## How a device signed in.

method-password = Password
method-password-and-code = Password and authenticator code
method-passkey = Passkey
method-email-code = Email code
method-email-code-and-code = Email code and authenticator code
method-provider-and-code = { $provider } + code

## Devices, named from the browser ("Firefox on Linux").

device-unknown = Unknown browser
device-on = { $browser } on { $os }
