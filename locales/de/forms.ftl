## Formularteile, die viele Seiten teilen.

form-email = E-Mail-Adresse
form-password = Passwort
form-password-hint = Mindestens 12 Zeichen. Einige Wörter ohne Zusammenhang eignen sich gut.
form-code = Code
form-recovery-code = Wiederherstellungscode
form-use-authenticator = Stattdessen Ihre Authenticator-App verwenden
form-use-recovery-code = Stattdessen einen Wiederherstellungscode verwenden
form-loading = Wird geladen …
form-checking-link = Ihr Link wird geprüft …
form-back-to-sign-in = Zurück zur Anmeldung
form-resend-verification = Bestätigungs-E-Mail erneut senden
form-show-password = Passwort anzeigen
form-hide-password = Passwort verbergen
form-strength = Stärke: { $word }
form-strength-too-short = Zu kurz
form-strength-too-long = Zu lang
form-strength-weak = Schwach
form-strength-fair = Mittel
form-strength-strong = Stark
form-error-unreachable = Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
form-error-incomplete = Das Formular war unvollständig. Bitte füllen Sie es erneut aus.
form-error-generic = Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.
form-error-fallback = Etwas ist schiefgelaufen.

## Anmeldedienste (Google, GitHub, OpenID Connect).

provider-or = oder
provider-continue-with = Weiter mit { $provider }
provider-cancelled = Die Anmeldung mit { $provider } wurde abgebrochen.
provider-unavailable = { $provider } ist gerade nicht verfügbar. Versuchen Sie es erneut oder verwenden Sie Ihr Passwort.
provider-failed = Die Anmeldung mit { $provider } ist fehlgeschlagen. Bitte versuchen Sie es erneut.
provider-signing-in = Sie werden angemeldet …
provider-sign-in-generic = Anmeldung
provider-sign-in-named = Anmeldung mit { $provider }
