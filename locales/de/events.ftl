## Die Ereignisse des Sicherheitsprotokolls (Sicherheitsseite, Admin-Konsole), Anmeldemethoden
## (Geräteliste) und Gerätenamen.

event-signed-up = Konto erstellt
event-signed-in = Angemeldet
event-sign-in-failed = Fehlgeschlagener Anmeldeversuch
event-locked-out = Anmeldung nach wiederholten Fehlversuchen pausiert
event-password-changed = Passwort geändert
event-password-reset = Passwort per E-Mail zurückgesetzt
event-email-change-requested = Änderung der E-Mail-Adresse angefordert
event-email-changed = E-Mail-Adresse geändert
event-provider-connected = Anmeldeanbieter verknüpft
event-provider-disconnected = Anmeldeanbieter getrennt
event-devices-signed-out = Geräte abgemeldet
event-token-reused = Eine kopierte Sitzung wurde verwendet; dieses Gerät wurde abgemeldet
event-two-step-enabled = Bestätigung in zwei Schritten aktiviert
event-two-step-disabled = Bestätigung in zwei Schritten deaktiviert
event-recovery-codes-regenerated = Neue Wiederherstellungscodes erstellt
event-recovery-code-used = Mit einem Wiederherstellungscode angemeldet
event-passkey-added = Passkey hinzugefügt
event-passkey-removed = Passkey entfernt
event-password-removed = Passwort entfernt
event-account-locked = Konto vom Support gesperrt
event-account-unlocked = Konto vom Support entsperrt
event-password-entered-code-asked = Passwort eingegeben, Code abgefragt
event-wrong-code = Falscher Code eingegeben
event-codes-locked-out = Code-Eingabe nach wiederholt falschen Codes pausiert
event-unproven-methods-removed = Anmeldemethoden, die vor der Bestätigung der Adresse hinzugefügt wurden, wurden entfernt
event-two-step-reset = Bestätigung in zwei Schritten vom Support zurückgesetzt
event-not-me = „Das war ich nicht“ gemeldet: alle Geräte abgemeldet
event-address-verified-by-support = Adresse vom Support als bestätigt markiert
event-data-exported = Ihre Daten wurden heruntergeladen
event-deletion-scheduled = Löschung des Kontos angefordert
event-deletion-cancelled = Konto behalten: Löschung abgebrochen
event-verification-resent-by-support = Bestätigungs-E-Mail vom Support erneut gesendet

## Wie sich ein Gerät angemeldet hat.

method-password = Passwort
method-password-and-code = Passwort und Authenticator-Code
method-passkey = Passkey
method-email-code = Code per E-Mail
method-email-code-and-code = Code per E-Mail und Authenticator-Code
method-provider-and-code = { $provider } + Code

## Geräte, nach dem Browser benannt („Firefox unter Linux“).

device-unknown = Unbekannter Browser
device-on = { $browser } unter { $os }
