## Sign-up, sign-in, codes by mail, two-step sign-in, resetting and verifying (pages/*.rs).
## A sentence around a value (`<strong>` address) is two messages: `-before` and `-after`;
## a space that must stay at their edge is written `{" "}` (Fluent trims plain spaces there).

signup-title = Create account
signup-submit = Create account
signup-taken-or = or
signup-taken-reset = reset your password
signup-without-password = Create account without a password
signup-have-account = Already have an account?

login-title = Sign in
login-submit = Sign in
login-reset-done = Your password has been changed. Sign in with your new password.
login-unproven-removed = We removed sign-in methods added before this address was confirmed.
login-identifier = Email or username
login-forgot-password = Forgot password?
login-email-code = Email me a sign-in code
login-new-here = New here?

## Second step of a sign-in (/login/verify).

login-verify-title = Two-step verification
login-verify-expired = This sign-in has expired.
login-verify-sign-in-again = Sign in again
login-verify-recovery-explain = Enter one of the recovery codes you saved. Each works once.
login-verify-enter-code = Enter the 6-digit code from your authenticator app
login-verify-submit = Verify

## Codes by mail (/login/code, /signup/code) and the mail's link (/login/code/confirm).

code-login-title = Sign in with a code
code-signup-title = Create account without a password
code-sent = If an account exists for that address, we've sent a code to it.
code-sent-new = We've sent a code to that address.
code-rather-password = Rather use a password?
code-signup-with-password = Create account with a password
code-login-with-password = Sign in with a password
code-explain = We'll email you a code. It works for 10 minutes, in this browser only.
code-send = Send code
code-enter = Enter the code from the email
code-new-or-other = Send a new code or use another address
code-link-this-device = Sign in on this device
# "Sign in as <address> in this browser."
code-link-sign-in-as-before = Sign in as{" "}
code-link-sign-in-as-after = {" "}in this browser.
code-link-your-code = Your sign-in code
code-link-other-browser = This link signs in only the browser where you asked for the code. Type this code there:
code-link-nobody-signed-in = Nobody is signed in by opening this link.
code-link-invalid = This code has expired or was already used.
code-link-ask-new = Ask for a new code

## Forgotten password and the reset link.

reset-forgot-title = Forgot password
reset-sent = If an account exists for that address, we've sent a link to reset the password.
reset-send-link = Send reset link
reset-title = Set a new password
reset-new-password = New password
reset-submit = Set new password
reset-ask-new-link = Ask for a new link

## Verifying an address (/verify-email) and the banner until it is verified.

verify-title = Verify your email
verify-verified = Your email is verified.
verify-changed = Your new address is confirmed.
verify-invalid-link = This link is invalid or has expired.
verify-go-to-account = Go to your account
verify-press-button = Press the button to confirm that this address is yours.
verify-submit = Verify my email
verify-change-title = Confirm your new address
# "Your account's address becomes <new address> when you press the button."
verify-change-before = Your account's address becomes{" "}
verify-change-after = {" "}when you press the button.
verify-change-submit = Confirm the new address
verify-invalid-explain = Sign in and ask for a new email from your account.
verify-check-inbox = Check your inbox
# "We sent a link to <address>. Follow it to verify your address."
verify-sent-before = We sent a link to{" "}
verify-sent-after = . Follow it to verify your address.
verify-sent-again = Sent again.
verify-resend = Resend email
# After the link "Sign in" (nav-sign-in).
verify-sign-in-to-ask = {" "}to ask for a new link.
# "Check your inbox: we sent a link to <address>."
verify-banner-before = Check your inbox: we sent a link to{" "}
verify-banner-after = .
verify-banner-resend = Resend

## Confirming it's you before a sensitive change (/account/confirm).

confirm-title = Confirm it's you
confirm-heading = Confirm your password to continue
confirm-explain = For your security, changes to how you sign in need you to have signed in within the last 10 minutes.
confirm-or-passkey = Or use one of your passkeys:
confirm-submit = Continue
confirm-provider-explain = Your account signs in with { $provider }: sign in with it again to continue.

## "This wasn't me" (/not-me), the link in every security notice.

notme-title = This wasn't me
notme-button = Sign out everywhere and reset my password
notme-done = Every device is signed out
notme-done-explain = Every device signed in to your account was signed out, and links we mailed before no longer work.
notme-done-reset = We sent a link to set a new password to your account's address. Set a new password now: until you do, whoever knows the old one can still sign in.
notme-invalid-explain = Each “This wasn't me” link works once. You can still reset your password, which signs out every device.
notme-reset-password = Reset your password
notme-explain = If you did not make the change we mailed you about, someone else may have your password.
notme-press = Press the button to sign out every device signed in to your account, this one too, stop every link we mailed that has not been used, and get a link to set a new password.

## Any address no route matches.

auth-not-found = Page not found
auth-not-found-explain = There is nothing at this address.
auth-go-home = Go to the home page
