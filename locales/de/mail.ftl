## Mails: what every mail says (server/src/mail/templates.rs).

mail-moment = { $date }, { $time } UTC
mail-link-once-24h = Der Link funktioniert einmal und läuft nach 24 Stunden ab.
mail-verify-subject = Bestätigen Sie Ihre E-Mail-Adresse
mail-verify-text = Bestätigen Sie, dass { $address } Ihre Adresse ist, um die Einrichtung Ihres Kontos abzuschließen.
mail-verify-link = E-Mail-Adresse bestätigen
mail-reset-subject = Passwort zurücksetzen
mail-reset-text = Jemand hat angefordert, das Passwort dieses Kontos zurückzusetzen. Wenn Sie das waren, wählen Sie über den Link unten ein neues Passwort.
mail-reset-expiry = Der Link funktioniert einmal und läuft nach 1 Stunde ab. Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: Es ändert sich nichts.
mail-reset-link = Neues Passwort festlegen
mail-code-subject = Ihr Anmeldecode für { $service }
mail-code-text = Ihr Anmeldecode lautet { $code }
mail-code-where = Geben Sie ihn in dem Browser ein, in dem Sie ihn angefordert haben, oder öffnen Sie den Link unten in genau diesem Browser. Er funktioniert einmal und 10 Minuten lang.
mail-code-ignore = Wenn Sie keinen Code angefordert haben, ignorieren Sie diese E-Mail: Ohne den Browser, der ihn angefordert hat, kann niemand ihn verwenden.
mail-code-link = Auf diesem Gerät anmelden
mail-password-changed-subject = Ihr Passwort wurde geändert
mail-password-changed-text = Das Passwort Ihres Kontos wurde soeben geändert, und die Geräte, die mit dem alten Passwort angemeldet waren, wurden abgemeldet.
mail-confirm-new-subject = Bestätigen Sie Ihre neue E-Mail-Adresse
mail-confirm-new-text = Bestätigen Sie, dass { $address } die neue Adresse Ihres Kontos werden soll.
mail-confirm-new-link = Neue E-Mail-Adresse bestätigen
mail-goodbye-subject = Ihr Konto wurde gelöscht
mail-goodbye-text = Ihr Konto, Ihr Profil und Ihr Avatar wurden gelöscht, und alle Geräte wurden abgemeldet.
mail-goodbye-contact = Wenn Sie das nicht waren, antworten Sie bitte auf diese E-Mail.
mail-deletion-subject = Ihr Konto wird gelöscht
mail-deletion-text = Ihr Konto wird am { $when } gelöscht: Ihr Profil und Ihr Avatar sind bereits entfernt, und alle Geräte wurden abgemeldet.
mail-deletion-keep = Melden Sie sich vor dem { $when } an, um Ihr Konto zu behalten.
mail-deletion-link = Anmelden
mail-email-change-subject = Ihre E-Mail-Adresse wird geändert
mail-email-change-text = Jemand hat angefordert, die Adresse Ihres Kontos in { $address } zu ändern. Sie ändert sich erst, wenn der Link in der dorthin gesendeten E-Mail verwendet wird.
mail-email-change-not-you = Wenn Sie das nicht waren, klicken Sie unten auf „Das war ich nicht“: Der dorthin gesendete Link funktioniert dann nicht mehr.
mail-not-me-link = Das war ich nicht
mail-not-me-words = Der Link öffnet eine Seite mit einer einzigen Schaltfläche, die alle Geräte abmeldet und einen Link zum Festlegen eines neuen Passworts an die Adresse Ihres Kontos sendet. Das bloße Öffnen des Links ändert nichts.

## Security notices (server/src/mail/notices.rs and the services that send them).

notice-not-you = Wenn Sie das nicht waren, klicken Sie unten auf „Das war ich nicht“.
notice-where = { $device }, { $when }.
notice-where-ip = { $device }, von { $ip }, { $when }.
notice-open-security = Ihre Sicherheitsseite öffnen
notice-review-activity = Ihre Geräte und letzten Aktivitäten prüfen
notice-review-connected = Verbundene Konten prüfen
notice-sign-in-subject = Neue Anmeldung bei { $service }
notice-sign-in-text = Bei Ihrem Konto hat sich soeben ein Gerät angemeldet, das bisher noch nicht verwendet wurde:
notice-email-changed-subject = Ihre E-Mail-Adresse wurde geändert
notice-email-changed-text = Die Adresse Ihres Kontos lautet jetzt { $address }; E-Mails zu diesem Konto kommen nicht mehr an diese Adresse.
notice-email-changed-help = Wenn Sie das nicht waren, kennt jemand Ihr Passwort: Setzen Sie es auf der Anmeldeseite mit der neuen Adresse zurück, falls Sie darauf zugreifen können, oder antworten Sie auf diese E-Mail, damit wir Ihnen helfen können, das Konto zurückzuerhalten.
notice-provider-connected-subject = { $provider } wurde verbunden
notice-provider-connected-text = Das { $provider }-Konto { $address } kann sich jetzt bei Ihrem Konto anmelden.
notice-provider-disconnected-subject = Die Verbindung zu { $provider } wurde getrennt
notice-provider-disconnected-text = { $provider } kann sich nicht mehr bei Ihrem Konto anmelden.
notice-wrong-codes-subject = Jemand hat Ihr Passwort und danach falsche Codes eingegeben
notice-wrong-codes-text = Jemand hat sich mit Ihrem Passwort bei Ihrem Konto angemeldet und danach { $count ->
    [one] einen falschen Bestätigungscode
   *[other] { $count } falsche Bestätigungscodes
} in Folge eingegeben.
notice-wrong-codes-advice = Wenn Sie das nicht waren, kennt jemand anderes Ihr Passwort: Ändern Sie es jetzt und melden Sie die Geräte ab, die Sie nicht kennen. Die Bestätigung in zwei Schritten hat den Zugriff bisher verhindert.
notice-data-exported-subject = Ihre Daten wurden heruntergeladen
notice-data-exported-text = Eine Kopie der Daten Ihres Kontos (Profil, Anmeldemethoden, Geräte, Sicherheitsereignisse und gesendete E-Mails) wurde soeben über Ihre Sicherheitsseite heruntergeladen.
notice-two-step-on-subject = Die Bestätigung in zwei Schritten wurde aktiviert
notice-two-step-on = Die Bestätigung in zwei Schritten ist jetzt aktiv: Bei der Anmeldung wird ein Code aus Ihrer Authenticator-App abgefragt, und Ihre anderen Geräte wurden abgemeldet.
notice-app-replaced-subject = Ihre Authenticator-App wurde ersetzt
notice-app-replaced = Eine neue Authenticator-App erzeugt jetzt Ihre Bestätigungscodes; die alte funktioniert nicht mehr, und Ihre anderen Geräte wurden abgemeldet.
notice-new-codes-subject = Neue Wiederherstellungscodes
notice-new-codes = Für Ihr Konto wurden neue Wiederherstellungscodes erstellt; die alten funktionieren nicht mehr.
notice-two-step-off-subject = Die Bestätigung in zwei Schritten wurde deaktiviert
notice-two-step-off = Die Bestätigung in zwei Schritten ist jetzt aus: Bei der Anmeldung werden nur noch Ihr Passwort oder Google abgefragt.
notice-recovery-used-subject = Ein Wiederherstellungscode wurde verwendet
notice-recovery-used-sign-in = Ein Wiederherstellungscode wurde verwendet, um sich bei Ihrem Konto anzumelden; { $count ->
    [one] einer ist
   *[other] { $count } sind
} noch übrig.
notice-recovery-used-replace-app = Ein Wiederherstellungscode wurde verwendet, um Ihre Authenticator-App zu ersetzen; { $count ->
    [one] einer ist
   *[other] { $count } sind
} noch übrig.
notice-recovery-used-confirm = Ein Wiederherstellungscode wurde verwendet, um Ihre Identität zu bestätigen; { $count ->
    [one] einer ist
   *[other] { $count } sind
} noch übrig.
notice-passkey-added-subject = Ein Passkey wurde hinzugefügt
notice-passkey-added = Mit dem Passkey „{ $name }“ kann man sich jetzt bei Ihrem Konto anmelden.
notice-passkey-removed-subject = Ein Passkey wurde entfernt
notice-passkey-removed = Ein Passkey wurde aus Ihrem Konto entfernt; mit ihm kann man sich nicht mehr anmelden.
notice-password-removed-subject = Ihr Passwort wurde entfernt
notice-password-removed = Ihr Konto hat kein Passwort mehr: Melden Sie sich mit einem Passkey oder mit Google an.

## Notices of what support or an administrator did (server/src/admin/actions.rs).

notice-admin-unexpected = Wenn Sie das nicht erwartet haben, antworten Sie auf diese E-Mail, und wir gehen der Sache nach.
notice-two-step-reset-subject = Die Bestätigung in zwei Schritten wurde zurückgesetzt
notice-two-step-reset = Der Support hat auf Ihre Bitte die Bestätigung in zwei Schritten von Ihrem Konto entfernt: Bei der Anmeldung werden nur noch Ihr Passwort oder Google abgefragt, und alle Geräte wurden abgemeldet. Auf Ihrer Sicherheitsseite können Sie sie wieder aktivieren.
notice-admin-device-out-subject = Ein Gerät wurde abgemeldet
notice-admin-device-out = Ein Administrator hat eines Ihrer Geräte abgemeldet.
notice-admin-all-out-subject = Ihre Geräte wurden abgemeldet
notice-admin-all-out = Ein Administrator hat Ihre Geräte abgemeldet.
notice-admin-locked-subject = Ihr Konto wurde gesperrt
notice-admin-locked = Ein Administrator hat Ihr Konto gesperrt und Ihre Geräte abgemeldet.
notice-admin-unlocked-subject = Ihr Konto wurde entsperrt
notice-admin-unlocked = Ein Administrator hat Ihr Konto entsperrt.
