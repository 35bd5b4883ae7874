## Die Sicherheitsseite (/account/security): Geräte, letzte Aktivitäten, Passkeys, Bestätigung
## in zwei Schritten (auch /account/two-step), verknüpfte Konten, E-Mail, Passwort, Daten, Löschen.

security-title = Sicherheit
security-devices-heading = Geräte
security-devices-loading = Geräte werden geladen …
security-sign-out-others = Andere Geräte abmelden
security-sign-out-everywhere = Überall abmelden
security-this-device = Dieses Gerät
security-device-ip = IP
security-device-signed-in = Angemeldet
# „Mit“: wie sich das Gerät angemeldet hat (Passwort, Passkey, Google …).
security-device-with = Mit
security-device-last-active = Zuletzt aktiv
security-device-sign-out = Abmelden
# Anstelle der IP-Adresse eines Geräts, wenn keine erfasst wurde.
security-ip-unknown = unbekannt
security-sign-out-this-device = Verwenden Sie „Abmelden“ in der Kopfzeile, um dieses Gerät abzumelden.
security-change-password = Passwort ändern
# „… Um eines festzulegen, “ <Link>„fordern Sie einen Link per E-Mail an“</Link> „.“
security-no-password-before = Ihr Konto hat noch kein Passwort: Sie melden sich mit einem Code per E-Mail, einem Passkey oder einem verknüpften Konto an. Um eines festzulegen,
security-no-password-link = fordern Sie einen Link per E-Mail an
security-no-password-after = .
security-password-changed = Passwort geändert. Andere Geräte wurden abgemeldet.
security-current-password = Aktuelles Passwort
security-new-password = Neues Passwort
security-email-heading = E-Mail
security-email-sent = Wir haben einen Link an { $address } gesendet.
security-new-email = Neue E-Mail-Adresse
security-change-email = E-Mail-Adresse ändern
security-data-heading = Ihre Daten
security-data-text = Eine JSON-Datei mit Ihrem Profil, Ihren Anmeldemethoden, Geräten, Sicherheitsereignissen und den E-Mails, die wir Ihnen gesendet haben. Wir benachrichtigen Sie per E-Mail, wenn sie heruntergeladen wird.
security-data-download = Meine Daten herunterladen
security-delete-account = Konto löschen
security-delete-text = Damit werden Ihr Konto, Ihr Profil und Ihr Profilbild entfernt. Dies kann nicht rückgängig gemacht werden.
security-delete-text-grace = Ihr Profil und Ihr Profilbild verschwinden sofort, und alle Geräte werden abgemeldet. Das Konto wird { $days ->
    [one] einen Tag
   *[other] { $days } Tage
  } später gelöscht: Melden Sie sich vorher an, um es zu behalten.
security-delete-no-password = Ihr Konto hat kein Passwort: Melden Sie sich erneut an, wenn Ihre Anmeldung mehr als 10 Minuten zurückliegt.

## Letzte Aktivitäten.

activity-heading = Letzte Aktivitäten
activity-loading = Aktivitäten werden geladen …
activity-none = Noch nichts.

## Passkeys.

passkey-heading = Passkeys
passkey-intro = Melden Sie sich mit Fingerabdruck, Gesichtserkennung oder Bildschirmsperre statt mit einem Passwort an.
passkey-none = Noch keine Passkeys.
passkey-without-password = Mit einem Passkey können Sie auf ein Passwort verzichten.
passkey-remove-password = Passwort entfernen
passkey-added = Hinzugefügt
passkey-last-used = Zuletzt verwendet
# „Zuletzt verwendet: nie“.
passkey-never = nie
passkey-new-name = Neuer Name
passkey-rename = Umbenennen
passkey-remove = Entfernen
passkey-add = Passkey hinzufügen
passkey-name = Name des Passkeys
passkey-name-placeholder = Dieses Gerät
passkey-sign-in = Mit einem Passkey anmelden
passkey-confirm = Mit einem Passkey bestätigen
passkey-already = Dieses Gerät hat bereits einen Passkey für Ihr Konto.
passkey-failed = Dieser Passkey hat nicht funktioniert. Versuchen Sie es erneut.
passkey-generic = Etwas ist schiefgelaufen. Versuchen Sie es erneut.

## Bestätigung in zwei Schritten.

twostep-title = Bestätigung in zwei Schritten
twostep-set-up = Bestätigung in zwei Schritten einrichten
twostep-setup-intro = Nach Ihrem Passwort oder einem verknüpften Konto fragt die Anmeldung nach einem Code aus einer Authenticator-App auf Ihrem Smartphone.
twostep-scan = Scannen Sie diesen QR-Code mit Ihrer Authenticator-App:
twostep-scan-new = Scannen Sie diesen QR-Code mit Ihrer neuen Authenticator-App:
# Gefolgt vom Schlüssel in Vierergruppen.
twostep-enter-key = Oder geben Sie diesen Schlüssel ein:
twostep-enter-code = Geben Sie den 6-stelligen Code ein, den die App anzeigt.
twostep-code = Code
twostep-turn-on = Aktivieren
twostep-codes-heading = Speichern Sie Ihre Wiederherstellungscodes
twostep-codes-intro = Wenn Sie Ihr Smartphone verlieren, meldet Sie jeder dieser Codes einmal an, statt eines Codes aus der App. Bewahren Sie sie sicher auf: Sie werden nur jetzt angezeigt.
twostep-codes-saved = Ich habe meine Codes gespeichert
twostep-on-heading = Die Bestätigung in zwei Schritten ist aktiviert
twostep-replaced = Ihre neue Authenticator-App ist eingerichtet; die alte funktioniert nicht mehr.
twostep-codes-left = { $count ->
    [one] { $count } Wiederherstellungscode übrig.
   *[other] { $count } Wiederherstellungscodes übrig.
}
twostep-new-codes = Neue Wiederherstellungscodes erstellen
twostep-lost-phone = Smartphone verloren?
twostep-new-app = Neue Authenticator-App einrichten
twostep-replace-intro = Die neue App ersetzt die alte: Codes aus der alten App funktionieren nicht mehr, und Ihre anderen Geräte werden abgemeldet.
twostep-new-code = Code aus der neuen App
twostep-current-code = Code aus Ihrer aktuellen App
twostep-use-new-app = Neue App verwenden
twostep-cancel = Abbrechen
twostep-turn-off = Deaktivieren
twostep-recovery-code = Wiederherstellungscode
twostep-use-app = Stattdessen Ihre Authenticator-App verwenden
twostep-use-recovery = Stattdessen einen Wiederherstellungscode verwenden
twostep-summary-on = Aktiviert: Bei der Anmeldung wird ein Code aus Ihrer Authenticator-App abgefragt.
twostep-summary-off = Deaktiviert. Ergänzen Sie Ihre Anmeldung um einen Code aus einer Authenticator-App.
twostep-manage = Bestätigung in zwei Schritten verwalten

## Verknüpfte Konten ($provider: Google, GitHub …).

connected-heading = Verknüpfte Konten
connected-now = { $provider } ist jetzt verknüpft.
connected-disconnected = Die Verknüpfung mit { $provider } wurde aufgehoben.
connected-connect = Verknüpfen
connected-disconnect = Verknüpfung aufheben
