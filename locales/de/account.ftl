## Die Kontoseite (/account), das Profilbild-Formular, das öffentliche Profil (/u/<name>) und
## die Frist vor dem Löschen (/account/deletion).

account-title = Konto
account-loading = Wird geladen …
# Gefolgt von der E-Mail-Adresse des Kontos.
account-signed-in-as = Angemeldet als{" "}
account-security-link = Sicherheit und Geräte

## Profilbild.

avatar-heading = Profilbild
avatar-label = Profilbild
avatar-hint = JPEG, PNG oder WebP, bis zu 5 MB.
avatar-progress = Fortschritt des Hochladens
avatar-upload = Profilbild hochladen
avatar-remove = Profilbild entfernen
avatar-updated = Profilbild aktualisiert.
avatar-unsupported = Ihr Browser kann hier keine Dateien hochladen.
avatar-upload-failed = Das Hochladen ist fehlgeschlagen. Bitte versuchen Sie es erneut.
avatar-upload-offline = Das Hochladen ist fehlgeschlagen. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
avatar-error-gif = GIF-Bilder werden nicht unterstützt. Verwenden Sie ein JPEG-, PNG- oder WebP-Bild.
avatar-error-damaged = Das Bild ist beschädigt oder unvollständig.
avatar-error-too-large = Bilder dürfen höchstens 5 MB groß sein.
avatar-error-too-many-pixels = Bilder dürfen auf jeder Seite höchstens 4096 Pixel haben.
avatar-error-not-one-file = Wählen Sie ein Bild aus.
avatar-error-signed-out = Bitte melden Sie sich an, um fortzufahren.
avatar-error-not-image = Diese Datei ist kein JPEG-, PNG- oder WebP-Bild.

## Profil.

profile-heading = Profil
profile-saved = Gespeichert.
profile-display-name = Anzeigename
profile-username = Benutzername
profile-bio = Über mich
# Gefolgt vom Link zum öffentlichen Profil.
profile-public-link = Öffentliches Profil:
profile-save = Speichern
profile-unavailable = Dieses Profil kann gerade nicht angezeigt werden.

## Frist vor dem Löschen.

deletion-title = Ihr Konto wird gelöscht
# $when: das Datum, etwa „3. Dezember 2026“.
deletion-due = Es wird am { $when } gelöscht. Bis dahin kann es niemand verwenden, und sein Profil und Profilbild sind bereits entfernt.
deletion-keep = Mein Konto behalten
deletion-delete-now = Jetzt löschen
deletion-not-pending = Ihr Konto wird nicht gelöscht
deletion-go-to-account = Zu Ihrem Konto
