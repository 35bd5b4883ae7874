## Header, footer and what every page shares.

nav-sign-in = Sign in
nav-create-account = Create account
nav-sign-out = Sign out
nav-admin = Admin
nav-account = Account
avatar-alt = Avatar
theme-dark = Dark theme
theme-light = Light theme
theme-invalid = Choose the light or the dark theme.
language-label = Language
language-choose = Change language
language-invalid = Choose one of the languages in the list.

## Moments, relative and exact.

time-just-now = just now
time-yesterday = yesterday
time-minutes-ago = { $count ->
    [one] { $count } minute ago
   *[other] { $count } minutes ago
}
time-hours-ago = { $count ->
    [one] { $count } hour ago
   *[other] { $count } hours ago
}
time-days-ago = { $count ->
    [one] { $count } day ago
   *[other] { $count } days ago
}
# A calendar date, as mails and pages write it.
date-long = { $month } { $day }, { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Home page.

home-title = Home
home-welcome-back = Welcome back, { $name }
home-welcome = Welcome to { $service }
home-tagline = One account, signed in safely on every device.
home-security-link = Security and devices
home-deleted = Your account has been deleted.
home-deletion-scheduled = Your account will be deleted. We've emailed you the date: sign in before then to keep it.
