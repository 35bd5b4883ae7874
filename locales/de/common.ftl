## Kopf- und Fußzeile und was jede Seite teilt.

nav-sign-in = Anmelden
nav-create-account = Konto erstellen
nav-sign-out = Abmelden
nav-admin = Verwaltung
nav-account = Konto
avatar-alt = Profilbild
theme-dark = Dunkles Design
theme-light = Helles Design
theme-invalid = Wählen Sie das helle oder das dunkle Design.
language-label = Sprache
language-choose = Sprache ändern
language-invalid = Wählen Sie eine der Sprachen aus der Liste.

## Zeitpunkte, relativ und genau.

time-just-now = gerade eben
time-yesterday = gestern
time-minutes-ago = { $count ->
    [one] vor { $count } Minute
   *[other] vor { $count } Minuten
}
time-hours-ago = { $count ->
    [one] vor { $count } Stunde
   *[other] vor { $count } Stunden
}
time-days-ago = { $count ->
    [one] vor { $count } Tag
   *[other] vor { $count } Tagen
}
date-long = { $day }. { $month } { $year }
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

## Startseite.

home-title = Start
home-welcome-back = Willkommen zurück, { $name }
home-welcome = Willkommen bei { $service }
home-tagline = Ein Konto, auf jedem Gerät sicher angemeldet.
home-security-link = Sicherheit und Geräte
home-deleted = Ihr Konto wurde gelöscht.
home-deletion-scheduled = Ihr Konto wird gelöscht. Wir haben Ihnen das Datum per E-Mail geschickt: Melden Sie sich vorher an, um es zu behalten.
