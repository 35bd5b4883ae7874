## アカウントページ（/account）、プロフィール画像フォーム、公開プロフィール（/u/<name>）、
## 削除までの猶予期間（/account/deletion）。

account-title = アカウント
account-loading = 読み込み中…
# このあとにアカウントのメールアドレスが続きます。
account-signed-in-as = ログイン中のアカウント：
account-security-link = セキュリティとデバイス

## プロフィール画像。

avatar-heading = プロフィール画像
avatar-label = プロフィール画像
avatar-hint = JPEG、PNG、WebP（5 MBまで）。
avatar-progress = アップロードの進行状況
avatar-upload = プロフィール画像をアップロード
avatar-remove = プロフィール画像を削除
avatar-updated = プロフィール画像を更新しました。
avatar-unsupported = お使いのブラウザではここでファイルをアップロードできません。
avatar-upload-failed = アップロードに失敗しました。もう一度お試しください。
avatar-upload-offline = アップロードに失敗しました。接続を確認して、もう一度お試しください。
avatar-error-gif = GIF画像には対応していません。JPEG、PNG、WebPの画像を使用してください。
avatar-error-damaged = この画像は破損しているか、不完全です。
avatar-error-too-large = 画像は5 MB以下にしてください。
avatar-error-too-many-pixels = 画像の縦横はそれぞれ4096ピクセル以下にしてください。
avatar-error-not-one-file = 画像を1つ選んでください。
avatar-error-signed-out = 続けるにはログインしてください。
avatar-error-not-image = このファイルはJPEG、PNG、WebPの画像ではありません。

## プロフィール。

profile-heading = プロフィール
profile-saved = 保存しました。
profile-display-name = 表示名
profile-username = ユーザー名
profile-bio = 自己紹介
# このあとに公開プロフィールへのリンクが続きます。
profile-public-link = 公開プロフィール：
profile-save = 保存
profile-unavailable = 現在このプロフィールを表示できません。

## 削除までの猶予期間。

deletion-title = アカウントを削除しています
# $when: 日付（例: 2026年12月3日）。
deletion-due = { $when }に削除されます。それまでは誰も使用できず、プロフィールとプロフィール画像はすでに削除されています。
deletion-keep = アカウントを残す
deletion-delete-now = 今すぐ削除
deletion-not-pending = アカウントは削除予定ではありません
deletion-go-to-account = アカウントへ移動
