## Mails: what every mail says (server/src/mail/templates.rs).

# An exact moment: English keeps the ISO date ("2026-11-30 06:50 UTC"), the other languages
# put their own long date here.
mail-moment = { $date } { $time } UTC
mail-link-once-24h = The link works once and expires in 24 hours.
mail-verify-subject = Verify your email
mail-verify-text = Confirm that { $address } is your address to finish setting up your account.
mail-verify-link = Verify your email
mail-reset-subject = Reset your password
mail-reset-text = Someone asked to reset the password of this account. If it was you, choose a new password with the link below.
mail-reset-expiry = The link works once and expires in 1 hour. If it was not you, ignore this mail: nothing changes.
mail-reset-link = Set a new password
mail-code-subject = Your sign-in code for { $service }
mail-code-text = Your sign-in code is { $code }
mail-code-where = Type it in the browser where you asked for it, or press the link below in that same browser. It works once, for 10 minutes.
mail-code-ignore = If you did not ask for a code, ignore this mail: nobody can use it without the browser that asked.
mail-code-link = Sign in on this device
mail-password-changed-subject = Your password was changed
mail-password-changed-text = The password of your account was just changed, and the devices signed in with the old one were signed out.
mail-confirm-new-subject = Confirm your new email
mail-confirm-new-text = Confirm that { $address } should become the address of your account.
mail-confirm-new-link = Confirm your new email
mail-goodbye-subject = Your account has been deleted
mail-goodbye-text = Your account, your profile and your avatar have been deleted, and every device was signed out.
mail-goodbye-contact = If this was not you, contact us by replying to this mail.
mail-deletion-subject = Your account will be deleted
mail-deletion-text = Your account will be deleted on { $when }: your profile and avatar are gone already, and every device was signed out.
mail-deletion-keep = Sign in before { $when } to keep your account.
mail-deletion-link = Sign in
mail-email-change-subject = Your email is being changed
mail-email-change-text = Someone asked to change the address of your account to { $address }. It changes only when the link sent there is followed.
mail-email-change-not-you = If this was not you, press “This wasn't me” below: the link sent there stops working.
mail-not-me-link = This wasn't me
mail-not-me-words = The link opens a page with one button, which signs out every device and mails a link to set a new password to your account's address. Opening the link alone changes nothing.

## Security notices (server/src/mail/notices.rs and the services that send them).

notice-not-you = If this was not you, press “This wasn't me” below.
notice-where = { $device }, { $when }.
notice-where-ip = { $device }, from { $ip }, { $when }.
notice-open-security = Open your security page
notice-review-activity = Review your devices and recent activity
notice-review-connected = Review connected accounts
notice-sign-in-subject = New sign-in to { $service }
notice-sign-in-text = Your account was just signed in to from a device it has not used before:
notice-email-changed-subject = Your email address was changed
notice-email-changed-text = The address of your account is now { $address }; mail about it no longer comes here.
notice-email-changed-help = If this was not you, someone has your password: reset it from the sign-in page using the new address if you can reach it, or reply to this mail so we can help you recover the account.
notice-provider-connected-subject = { $provider } was connected
notice-provider-connected-text = The { $provider } account { $address } can now sign in to your account.
notice-provider-disconnected-subject = { $provider } was disconnected
notice-provider-disconnected-text = { $provider } can no longer sign in to your account.
notice-wrong-codes-subject = Someone entered your password and then wrong codes
notice-wrong-codes-text = Someone signed in to your account with your password and then entered { $count } wrong two-step codes in a row.
notice-wrong-codes-advice = If this was not you, your password is known to someone else: change it now, and sign out the devices you do not know. Two-step verification kept them out so far.
notice-data-exported-subject = Your data was downloaded
notice-data-exported-text = A copy of your account's data (profile, sign-in methods, devices, security events and mails sent) was just downloaded from your security page.
notice-two-step-on-subject = Two-step verification was turned on
notice-two-step-on = Two-step verification is now on: signing in asks for a code from your authenticator app, and your other devices were signed out.
notice-app-replaced-subject = Your authenticator app was replaced
notice-app-replaced = A new authenticator app now makes your two-step codes; the old one no longer works, and your other devices were signed out.
notice-new-codes-subject = New recovery codes
notice-new-codes = New recovery codes were made for your account; the old ones no longer work.
notice-two-step-off-subject = Two-step verification was turned off
notice-two-step-off = Two-step verification is now off: signing in asks only for your password or Google.
notice-recovery-used-subject = A recovery code was used
notice-recovery-used-sign-in = A recovery code was used to sign in to your account; { $count } remain.
notice-recovery-used-replace-app = A recovery code was used to replace your authenticator app; { $count } remain.
notice-recovery-used-confirm = A recovery code was used to confirm it's you; { $count } remain.
notice-passkey-added-subject = A passkey was added
notice-passkey-added = The passkey “{ $name }” can now sign in to your account.
notice-passkey-removed-subject = A passkey was removed
notice-passkey-removed = A passkey was removed from your account; it can no longer sign in.
notice-password-removed-subject = Your password was removed
notice-password-removed = Your account no longer has a password: sign in with a passkey or Google.

## Notices of what support or an administrator did (server/src/admin/actions.rs).

notice-admin-unexpected = If you did not expect this, reply to this mail and we will look into it.
notice-two-step-reset-subject = Two-step verification was reset
notice-two-step-reset = Support removed two-step verification from your account, as you asked: signing in asks only for your password or Google, and every device was signed out. Turn it on again from your security page.
notice-admin-device-out-subject = A device was signed out
notice-admin-device-out = An administrator signed out one of your devices.
notice-admin-all-out-subject = Your devices were signed out
notice-admin-all-out = An administrator signed out your devices.
notice-admin-locked-subject = Your account was locked
notice-admin-locked = An administrator locked your account and signed out your devices.
notice-admin-unlocked-subject = Your account was unlocked
notice-admin-unlocked = An administrator unlocked your account.
