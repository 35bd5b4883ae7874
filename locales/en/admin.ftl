## The admin console: /admin, /admin/users, /admin/users/<id>, /admin/audit.
## The title and heading "Admin" reuse nav-admin.

admin-loading = Loading…
admin-needs-second-factor = Admin pages need two-step verification or a passkey
# "Sign in with a passkey, or " <link>"turn on two-step verification"</link> " and sign in again."
admin-second-factor-before = Sign in with a passkey, or
admin-second-factor-link = turn on two-step verification
admin-second-factor-after = and sign in again.
admin-unavailable = The admin console is unavailable
admin-nav-overview = Overview
admin-nav-people = People
admin-nav-audit = Audit
admin-search = Search
admin-next-page = Next page

## Overview.

admin-count-accounts = Accounts
admin-count-verified = Verified
admin-count-two-step = With two-step
admin-count-passkeys = With passkeys
admin-count-signed-in-day = Signed in, last 24 hours
admin-count-signed-in-week = Signed in, last 7 days
admin-admins = Admins
admin-chart-heading = Sign-ins per day, last 30 days
# The chart's text alternative.
admin-chart-label = { $total ->
    [one] { $total } sign-in
   *[other] { $total } sign-ins
} in the last { $days ->
    [one] { $days } day
   *[other] { $days } days
}
admin-instance-heading = This instance
admin-outbox-none-due = Mail outbox: { $count } waiting, none due
admin-outbox-oldest-due = Mail outbox: { $count } waiting, oldest due { $seconds } s ago
admin-listener-connected = Cache coherence listener: connected
admin-listener-down = Cache coherence listener: down: caches are bypassed

## People.

admin-people-title = People · Admin
admin-deleted = The account was deleted.
admin-search-people-label = Email, username or name starts with
admin-filters-legend = Only
admin-filter-unverified = Unverified
admin-filter-locked = Locked
admin-filter-two-step = Two-step on
admin-no-account-matches = No account matches.
admin-accounts-found = Accounts found
admin-col-email = Email
admin-name = Name
admin-username = Username
admin-created = Created
admin-col-status = Status
admin-status-unverified = unverified
admin-status-locked = locked
admin-status-two-step = two-step
admin-status-admin = admin

## One person.

admin-person-title = { $email } · Admin
admin-yes = yes
admin-no = no
admin-on = on
admin-off = off
admin-fact-verified = Verified
admin-fact-locked = Locked
admin-fact-admin = Admin
admin-fact-ways-in = Ways in
admin-fact-two-step = Two-step
admin-way-password = password
admin-way-passkey = passkey “{ $name }”, added { $at }
admin-ways-email-codes-only = email codes only
admin-devices-heading = Devices ({ $count })
admin-device-line = { $name } · { $ip } · { $method } · signed in { $signed_in } · last seen { $last_seen }
admin-trail-heading = Security trail
admin-mails-heading = Mails
admin-mail-line = { $subject } · queued { $at } · { $status }
admin-mail-sent = sent { $at }
admin-mail-given-up = given up
admin-mail-waiting = waiting

## Acting on an account.

admin-act-heading = Act on this account
admin-action-label = Action
admin-action-sign-out-all = Sign out every device
admin-action-sign-out-device = Sign out { $device }
admin-action-lock = Lock the account
admin-action-unlock = Unlock the account
admin-action-mark-verified = Mark the address verified
admin-action-resend-verification = Resend the verification mail
admin-action-reset-two-step = Reset two-step verification
admin-action-delete = Delete the account
admin-reason-label = Reason (kept in the audit)
admin-apply = Apply
admin-choose-action = Choose an action.
admin-reason-too-short = Say why (at least 3 characters)
admin-reason-too-long = Keep the reason under 500 characters of plain text
admin-search-too-long = Search for at most 320 characters
admin-already-verified = The address is already verified.
# What the page says once an action is done.
admin-done-sign-out-device = The device was signed out.
admin-done-sign-out-all = Every device was signed out.
admin-done-lock = The account is locked and signed out everywhere.
admin-done-unlock = The account is unlocked.
admin-done-mark-verified = The address is marked verified.
admin-done-reset-two-step = Two-step verification was removed and every device signed out.
admin-done-resend-verification = A verification mail is on its way.

## Audit.

admin-audit-title = Audit · Admin
admin-audit-actor-label = Administrator's email starts with
admin-audit-target-label = Person's email starts with
admin-no-action-matches = No action matches.
admin-audit-entries = Audit entries
admin-col-when = When
admin-col-administrator = Administrator
admin-col-action = Action
admin-col-person = Person
admin-col-reason = Reason
admin-col-request = Request
