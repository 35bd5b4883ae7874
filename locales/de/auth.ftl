## Registrierung, Anmeldung, Codes per E-Mail, zweiter Schritt, Zurücksetzen und Bestätigen.
## Ein Satz um einen Wert (fett gesetzte Adresse) besteht aus `-before` und `-after`;
## ein Leerzeichen am Rand steht als `{" "}` (Fluent entfernt dort einfache Leerzeichen).

signup-title = Konto erstellen
signup-submit = Konto erstellen
signup-taken-or = oder
signup-taken-reset = Passwort zurücksetzen
signup-without-password = Konto ohne Passwort erstellen
signup-have-account = Sie haben bereits ein Konto?

login-title = Anmelden
login-submit = Anmelden
login-reset-done = Ihr Passwort wurde geändert. Melden Sie sich mit Ihrem neuen Passwort an.
login-unproven-removed = Wir haben Anmeldemethoden entfernt, die hinzugefügt wurden, bevor diese Adresse bestätigt war.
login-identifier = E-Mail-Adresse oder Benutzername
login-forgot-password = Passwort vergessen?
login-email-code = Anmeldecode per E-Mail senden
login-new-here = Neu hier?

## Zweiter Schritt der Anmeldung.

login-verify-title = Bestätigung in zwei Schritten
login-verify-expired = Diese Anmeldung ist abgelaufen.
login-verify-sign-in-again = Erneut anmelden
login-verify-recovery-explain = Geben Sie einen der Wiederherstellungscodes ein, die Sie gespeichert haben. Jeder funktioniert nur einmal.
login-verify-enter-code = Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein
login-verify-submit = Bestätigen

## Codes per E-Mail und der Link aus der E-Mail.

code-login-title = Mit einem Code anmelden
code-signup-title = Konto ohne Passwort erstellen
code-sent = Falls ein Konto mit dieser Adresse existiert, haben wir einen Code dorthin gesendet.
code-sent-new = Wir haben einen Code an diese Adresse gesendet.
code-rather-password = Lieber ein Passwort verwenden?
code-signup-with-password = Konto mit Passwort erstellen
code-login-with-password = Mit Passwort anmelden
code-explain = Wir senden Ihnen einen Code per E-Mail. Er gilt 10 Minuten lang und nur in diesem Browser.
code-send = Code senden
code-enter = Geben Sie den Code aus der E-Mail ein
code-new-or-other = Neuen Code senden oder eine andere Adresse verwenden
code-link-this-device = Auf diesem Gerät anmelden
# „Als <Adresse> in diesem Browser anmelden.“
code-link-sign-in-as-before = Als{" "}
code-link-sign-in-as-after = {" "}in diesem Browser anmelden.
code-link-your-code = Ihr Anmeldecode
code-link-other-browser = Dieser Link meldet nur den Browser an, in dem Sie den Code angefordert haben. Geben Sie diesen Code dort ein:
code-link-nobody-signed-in = Durch das Öffnen dieses Links wird niemand angemeldet.
code-link-invalid = Dieser Code ist abgelaufen oder wurde bereits verwendet.
code-link-ask-new = Neuen Code anfordern

## Passwort vergessen und der Link zum Zurücksetzen.

reset-forgot-title = Passwort vergessen
reset-sent = Falls ein Konto mit dieser Adresse existiert, haben wir einen Link zum Zurücksetzen des Passworts dorthin gesendet.
reset-send-link = Link zum Zurücksetzen senden
reset-title = Neues Passwort festlegen
reset-new-password = Neues Passwort
reset-submit = Neues Passwort festlegen
reset-ask-new-link = Neuen Link anfordern

## Adresse bestätigen und der Hinweis, bis sie bestätigt ist.

verify-title = E-Mail-Adresse bestätigen
verify-verified = Ihre E-Mail-Adresse ist bestätigt.
verify-changed = Ihre neue Adresse ist bestätigt.
verify-invalid-link = Dieser Link ist ungültig oder abgelaufen.
verify-go-to-account = Zu Ihrem Konto
verify-press-button = Klicken Sie auf die Schaltfläche, um zu bestätigen, dass diese Adresse Ihnen gehört.
verify-submit = Meine E-Mail-Adresse bestätigen
verify-change-title = Neue Adresse bestätigen
verify-change-before = Die Adresse Ihres Kontos wird zu{" "}
verify-change-after = , sobald Sie auf die Schaltfläche klicken.
verify-change-submit = Neue Adresse bestätigen
verify-invalid-explain = Melden Sie sich an und fordern Sie in Ihrem Konto eine neue E-Mail an.
verify-check-inbox = Prüfen Sie Ihren Posteingang
verify-sent-before = Wir haben einen Link an{" "}
verify-sent-after = {" "}gesendet. Folgen Sie ihm, um Ihre Adresse zu bestätigen.
verify-sent-again = Erneut gesendet.
verify-resend = E-Mail erneut senden
# Nach dem Link „Anmelden“ (nav-sign-in).
verify-sign-in-to-ask = {" "}und einen neuen Link anfordern.
verify-banner-before = Prüfen Sie Ihren Posteingang: Wir haben einen Link an{" "}
verify-banner-after = {" "}gesendet.
verify-banner-resend = Erneut senden

## Bestätigen, dass Sie es sind, vor einer sensiblen Änderung.

confirm-title = Bestätigen Sie, dass Sie es sind
confirm-heading = Bestätigen Sie Ihr Passwort, um fortzufahren
confirm-explain = Zu Ihrer Sicherheit müssen Sie sich in den letzten 10 Minuten angemeldet haben, um zu ändern, wie Sie sich anmelden.
confirm-or-passkey = Oder verwenden Sie einen Ihrer Passkeys:
confirm-submit = Weiter
confirm-provider-explain = Ihr Konto meldet sich mit { $provider } an: Melden Sie sich dort erneut an, um fortzufahren.

## „Das war ich nicht“, der Link in jeder Sicherheitsbenachrichtigung.

notme-title = Das war ich nicht
notme-button = Überall abmelden und mein Passwort zurücksetzen
notme-done = Alle Geräte sind abgemeldet
notme-done-explain = Alle Geräte, die bei Ihrem Konto angemeldet waren, wurden abgemeldet, und Links, die wir Ihnen zuvor gesendet haben, funktionieren nicht mehr.
notme-done-reset = Wir haben einen Link zum Festlegen eines neuen Passworts an die Adresse Ihres Kontos gesendet. Legen Sie jetzt ein neues Passwort fest: Bis dahin kann sich jeder anmelden, der das alte kennt.
notme-invalid-explain = Jeder „Das war ich nicht“-Link funktioniert nur einmal. Sie können Ihr Passwort trotzdem zurücksetzen; dabei werden alle Geräte abgemeldet.
notme-reset-password = Passwort zurücksetzen
notme-explain = Wenn Sie die Änderung, über die wir Sie per E-Mail informiert haben, nicht selbst vorgenommen haben, kennt möglicherweise jemand anderes Ihr Passwort.
notme-press = Klicken Sie auf die Schaltfläche, um alle bei Ihrem Konto angemeldeten Geräte abzumelden (auch dieses), alle noch nicht verwendeten Links aus unseren E-Mails ungültig zu machen und einen Link zum Festlegen eines neuen Passworts zu erhalten.

## Eine Adresse, zu der es keine Seite gibt.

auth-not-found = Seite nicht gefunden
auth-not-found-explain = Unter dieser Adresse gibt es nichts.
auth-go-home = Zur Startseite
