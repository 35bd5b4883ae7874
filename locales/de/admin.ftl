## Die Verwaltung: /admin, /admin/users, /admin/users/<id>, /admin/audit.
## Titel und Überschrift „Verwaltung“ verwenden nav-admin.

admin-loading = Wird geladen …
admin-needs-second-factor = Für die Verwaltung ist eine Bestätigung in zwei Schritten oder ein Passkey nötig
admin-second-factor-before = Melden Sie sich mit einem Passkey an oder
admin-second-factor-link = aktivieren Sie die Bestätigung in zwei Schritten
admin-second-factor-after = und melden Sie sich erneut an.
admin-unavailable = Die Verwaltung ist nicht verfügbar
admin-nav-overview = Übersicht
admin-nav-people = Personen
admin-nav-audit = Protokoll
admin-search = Suchen
admin-next-page = Nächste Seite

## Übersicht.

admin-count-accounts = Konten
admin-count-verified = Bestätigt
admin-count-two-step = Mit Bestätigung in zwei Schritten
admin-count-passkeys = Mit Passkeys
admin-count-signed-in-day = Angemeldet, letzte 24 Stunden
admin-count-signed-in-week = Angemeldet, letzte 7 Tage
admin-admins = Administratoren
admin-chart-heading = Anmeldungen pro Tag, letzte 30 Tage
admin-chart-label = { $total ->
    [one] { $total } Anmeldung
   *[other] { $total } Anmeldungen
} in { $days ->
    [one] dem letzten Tag
   *[other] den letzten { $days } Tagen
}
admin-instance-heading = Diese Instanz
admin-outbox-none-due = Mail-Warteschlange: { $count } wartend, keine fällig
admin-outbox-oldest-due = Mail-Warteschlange: { $count } wartend, älteste seit { $seconds } s fällig
admin-listener-connected = Listener für Cache-Kohärenz: verbunden
admin-listener-down = Listener für Cache-Kohärenz: getrennt, Caches werden umgangen

## Personen.

admin-people-title = Personen · Verwaltung
admin-deleted = Das Konto wurde gelöscht.
admin-search-people-label = E-Mail, Benutzername oder Name beginnt mit
admin-filters-legend = Nur
admin-filter-unverified = Unbestätigt
admin-filter-locked = Gesperrt
admin-filter-two-step = Bestätigung in zwei Schritten an
admin-no-account-matches = Kein Konto gefunden.
admin-accounts-found = Gefundene Konten
admin-col-email = E-Mail
admin-name = Name
admin-username = Benutzername
admin-created = Erstellt
admin-col-status = Status
admin-status-unverified = unbestätigt
admin-status-locked = gesperrt
admin-status-two-step = zwei Schritte
admin-status-admin = Administrator

## Eine Person.

admin-person-title = { $email } · Verwaltung
admin-yes = ja
admin-no = nein
admin-on = an
admin-off = aus
admin-fact-verified = Bestätigt
admin-fact-locked = Gesperrt
admin-fact-admin = Administrator
admin-fact-ways-in = Anmeldewege
admin-fact-two-step = Zwei Schritte
admin-way-password = Passwort
admin-way-passkey = Passkey „{ $name }“, hinzugefügt { $at }
admin-ways-email-codes-only = nur Codes per E-Mail
admin-devices-heading = Geräte ({ $count })
admin-device-line = { $name } · { $ip } · { $method } · angemeldet { $signed_in } · zuletzt aktiv { $last_seen }
admin-trail-heading = Sicherheitsverlauf
admin-mails-heading = Mails
admin-mail-line = { $subject } · eingereiht { $at } · { $status }
admin-mail-sent = gesendet { $at }
admin-mail-given-up = aufgegeben
admin-mail-waiting = wartend

## Maßnahmen für ein Konto.

admin-act-heading = Maßnahme für dieses Konto
admin-action-label = Maßnahme
admin-action-sign-out-all = Alle Geräte abmelden
admin-action-sign-out-device = { $device } abmelden
admin-action-lock = Konto sperren
admin-action-unlock = Konto entsperren
admin-action-mark-verified = Adresse als bestätigt markieren
admin-action-resend-verification = Bestätigungsmail erneut senden
admin-action-reset-two-step = Bestätigung in zwei Schritten zurücksetzen
admin-action-delete = Konto löschen
admin-reason-label = Grund (wird im Protokoll gespeichert)
admin-apply = Ausführen
admin-choose-action = Wählen Sie eine Maßnahme.
admin-reason-too-short = Nennen Sie einen Grund (mindestens 3 Zeichen)
admin-reason-too-long = Der Grund darf höchstens 500 Zeichen reinen Text umfassen
admin-search-too-long = Suchen Sie nach höchstens 320 Zeichen
admin-already-verified = Die Adresse ist bereits bestätigt.
admin-done-sign-out-device = Das Gerät wurde abgemeldet.
admin-done-sign-out-all = Alle Geräte wurden abgemeldet.
admin-done-lock = Das Konto ist gesperrt und überall abgemeldet.
admin-done-unlock = Das Konto ist entsperrt.
admin-done-mark-verified = Die Adresse ist als bestätigt markiert.
admin-done-reset-two-step = Die Bestätigung in zwei Schritten wurde entfernt und alle Geräte wurden abgemeldet.
admin-done-resend-verification = Eine Bestätigungsmail ist unterwegs.

## Protokoll.

admin-audit-title = Protokoll · Verwaltung
admin-audit-actor-label = E-Mail des Administrators beginnt mit
admin-audit-target-label = E-Mail der Person beginnt mit
admin-no-action-matches = Keine Maßnahme gefunden.
admin-audit-entries = Protokolleinträge
admin-col-when = Wann
admin-col-administrator = Administrator
admin-col-action = Maßnahme
admin-col-person = Person
admin-col-reason = Grund
admin-col-request = Anfrage
