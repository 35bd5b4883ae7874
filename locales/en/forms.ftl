## Form pieces shared by many pages (components/form.rs and friends).

form-email = Email
form-password = Password
form-password-hint = At least 12 characters. A few unrelated words work well.
form-code = Code
form-recovery-code = Recovery code
form-use-authenticator = Use your authenticator app instead
form-use-recovery-code = Use a recovery code instead
form-loading = Loading…
form-checking-link = Checking your link…
form-back-to-sign-in = Back to sign in
form-resend-verification = Send the verification email again
form-show-password = Show password
form-hide-password = Hide password
# The strength meter under a new password: "Strength: Weak".
form-strength = Strength: { $word }
form-strength-too-short = Too short
form-strength-too-long = Too long
form-strength-weak = Weak
form-strength-fair = Fair
form-strength-strong = Strong
# When a form could not be sent or read.
form-error-unreachable = Could not reach the server. Check your connection and try again.
form-error-incomplete = The form was incomplete. Please fill it in again.
form-error-generic = Something went wrong. Please try again.
form-error-fallback = Something went wrong.

## Sign-in providers (Google, GitHub, OpenID Connect): $provider is the configured name.

provider-or = or
provider-continue-with = Continue with { $provider }
provider-cancelled = { $provider } sign-in was cancelled.
provider-unavailable = { $provider } is unavailable right now. Try again or use your password.
provider-failed = { $provider } sign-in failed. Please try again.
provider-signing-in = Signing you in…
provider-sign-in-generic = Sign-in
provider-sign-in-named = { $provider } sign-in
