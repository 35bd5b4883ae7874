## Was Menschen lesen, wenn der Server ablehnt oder scheitert (Server-Crate: ServiceError und
## die kleinen Fehlerseiten). `{ $provider }` ist der Name eines Anmeldeanbieters (Google, GitHub …).

## Jede Anfrage.

err-invalid-credentials = E-Mail-Adresse oder Passwort ist falsch.
err-email-taken = Es gibt bereits ein Konto mit dieser E-Mail-Adresse
err-rate-limited = { $count ->
    [one] Zu viele Versuche. Versuchen Sie es in { $count } Minute erneut.
   *[other] Zu viele Versuche. Versuchen Sie es in { $count } Minuten erneut.
}
err-unauthorized = Bitte melden Sie sich an, um fortzufahren.
err-needs-recent-sign-in = Bestätigen Sie Ihr Passwort, um fortzufahren
err-unverified = Bestätigen Sie zuerst Ihre E-Mail-Adresse.
err-not-found = Das gibt es nicht mehr.
err-locked = Dieses Konto ist gesperrt. Wenden Sie sich an den Support, um es entsperren zu lassen.
err-invalid-link = Dieser Link ist ungültig oder abgelaufen.
err-internal = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.
# Nach einer Meldung über einen Fehler bei uns: die Kennung, nach der der Support sucht.
err-reference = Referenz: { $id }
err-server-misconfigured = Der Server ist falsch konfiguriert.
err-wrong-current-password = Ihr aktuelles Passwort ist falsch
err-passkey-failed = Dieser Passkey hat nicht funktioniert. Versuchen Sie es erneut oder melden Sie sich auf andere Weise an.

## Formularfelder.

err-email-invalid = Geben Sie eine gültige E-Mail-Adresse ein
err-display-name-empty = Geben Sie einen Anzeigenamen ein
err-display-name-too-long = Verwenden Sie höchstens 50 Zeichen
err-display-name-control = Entfernen Sie die Sonderzeichen
err-username-format = Verwenden Sie 3 bis 30 Buchstaben, Ziffern oder Unterstriche
err-username-reserved = Dieser Benutzername ist reserviert
err-username-taken = Dieser Benutzername ist bereits vergeben
err-bio-too-long = Verwenden Sie höchstens 280 Zeichen
err-password-too-short = Verwenden Sie mindestens 12 Zeichen
err-password-too-long = Verwenden Sie höchstens 128 Zeichen
err-password-weak = Dieses Passwort ist zu leicht zu erraten
err-password-breached = Dieses Passwort ist in einem Datenleck aufgetaucht. Wählen Sie ein anderes.

## Die E-Mail-Adresse und Anmeldecodes per E-Mail.

err-email-just-sent = Wir haben gerade eine gesendet. In einer Minute können Sie eine weitere E-Mail anfordern.
err-email-daily-limit = Sie haben heute bereits zehn E-Mails angefordert. Versuchen Sie es morgen erneut.
err-email-taken-since = Diese Adresse gehört inzwischen zu einem anderen Konto.
err-email-same = Das ist bereits Ihre Adresse
err-email-change-limit = Sie haben in dieser Stunde bereits fünfmal angefordert, Ihre Adresse zu ändern. Versuchen Sie es später erneut.
err-email-code-expired = Dieser Code ist abgelaufen oder wurde durch einen neueren ersetzt. Fordern Sie einen neuen Code an.
err-email-code-too-many = Zu viele falsche Codes. Fordern Sie einen neuen Code an.
err-email-code-wrong = Dieser Code stimmt nicht. Prüfen Sie die E-Mail und versuchen Sie es erneut.
err-email-code-other-browser = Dieser Link meldet nur den Browser an, in dem der Code angefordert wurde. Geben Sie den Code dort ein.
err-email-code-empty = Geben Sie den Code aus der E-Mail ein

## Bestätigung in zwei Schritten.

err-two-step-already-on = Die Bestätigung in zwei Schritten ist bereits aktiviert.
err-two-step-off = Die Bestätigung in zwei Schritten ist deaktiviert.
err-two-step-setup-expired = Beginnen Sie die Einrichtung der Bestätigung in zwei Schritten erneut.
err-two-step-wrong-code = Dieser Code stimmt nicht. Prüfen Sie die Uhrzeit auf Ihrem Telefon und versuchen Sie es erneut.
err-two-step-wrong-recovery-code = Dieser Wiederherstellungscode stimmt nicht oder wurde bereits verwendet.
err-two-step-expired = Diese Anmeldung ist abgelaufen. Melden Sie sich erneut an.
err-two-step-too-many = Zu viele falsche Codes. Melden Sie sich erneut an.
err-two-step-no-code = Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.
err-two-step-no-recovery-code = Geben Sie einen Ihrer Wiederherstellungscodes ein.

## Passkeys.

err-passkey-none = Ihr Konto hat keinen Passkey. Bestätigen Sie stattdessen mit Ihrem Passwort.
err-passkey-expired = Diese Passkey-Anfrage ist abgelaufen. Versuchen Sie es erneut.
err-passkey-last-way-in = Legen Sie ein Passwort fest oder verknüpfen Sie Google, bevor Sie Ihren letzten Passkey entfernen.
err-passkey-busy = Die Anmeldung mit Passkeys ist gerade ausgelastet. Versuchen Sie es in einer Minute erneut oder melden Sie sich auf andere Weise an.
err-passkey-name-length = Verwenden Sie 1 bis 60 Zeichen
err-passkey-already-registered = Dieser Passkey ist bereits registriert.
err-password-last-way-in = Fügen Sie einen Passkey hinzu oder verknüpfen Sie Google, bevor Sie Ihr Passwort entfernen.

## Anmeldeanbieter.

err-sign-in-attempt-expired = Dieser Anmeldeversuch ist abgelaufen. Bitte versuchen Sie es erneut.
err-provider-unavailable = { $provider } ist gerade nicht erreichbar. Versuchen Sie es erneut oder verwenden Sie Ihr Passwort.
err-provider-rejected = Die Anmeldung mit { $provider } ist fehlgeschlagen. Bitte versuchen Sie es erneut.
err-provider-email-unverified = { $provider } hat diese E-Mail-Adresse nicht bestätigt. Bestätigen Sie sie bei { $provider } oder registrieren Sie sich mit einem Passwort.
err-provider-no-verified-email = Ihr { $provider }-Konto hat keine bestätigte E-Mail-Adresse.
err-provider-account-exists = Es gibt bereits ein Konto mit dieser E-Mail-Adresse. Melden Sie sich mit Ihrem Passwort an, um { $provider } zu verknüpfen.
err-provider-linked-elsewhere = Dieses { $provider }-Konto ist bereits mit einem anderen Konto verknüpft.
err-provider-already-connected = Ihr Konto ist bereits mit einem anderen { $provider }-Konto verknüpft. Trennen Sie diese Verknüpfung zuerst.
err-provider-needs-password = Legen Sie ein Passwort fest, bevor Sie die Verknüpfung mit { $provider } trennen.
err-provider-not-connected = Ihr Konto hat keine Anmeldung mit { $provider }, mit der Sie bestätigen könnten.

## Profil, Profilbild und Löschen.

err-deletion-scheduled = Ihr Konto wird gerade gelöscht. Behalten Sie es zuerst.
err-delete-from-security-page = Löschen Sie das Konto auf der Sicherheitsseite.
err-delete-sign-in-again = Melden Sie sich erneut an und löschen Sie das Konto dann innerhalb von 10 Minuten
err-avatar-not-an-image = Diese Datei ist kein JPEG-, PNG- oder WebP-Bild.
err-avatar-gif = GIF-Bilder werden nicht unterstützt. Verwenden Sie ein JPEG-, PNG- oder WebP-Bild.
err-avatar-damaged = Dieses Bild ist beschädigt oder unvollständig.
err-avatar-too-large = Bilder dürfen höchstens 5 MB groß sein.
err-avatar-too-many-pixels = Bilder dürfen auf jeder Seite höchstens 4096 Pixel groß sein.
err-avatar-not-one-file = Wählen Sie ein Bild aus.
err-avatar-too-many = Zu viele Uploads. Versuchen Sie es in einer Stunde erneut.

## Die kleinen Fehlerseiten und schlichten Antworten.

err-page-something-went-wrong-title = Etwas ist schiefgelaufen
err-page-something-went-wrong = Etwas ist schiefgelaufen.
err-page-unavailable-title = Vorübergehend nicht verfügbar
err-page-database = Wir erreichen unsere Datenbank gerade nicht. Bitte versuchen Sie es gleich noch einmal.
err-page-try-again = Erneut versuchen
err-cross-site = Diese Anfrage kam nicht von dieser Website.
err-media-not-found = Nicht gefunden
err-media-unavailable = Speicher nicht verfügbar
