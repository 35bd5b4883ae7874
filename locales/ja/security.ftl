## セキュリティページ（/account/security）: デバイス、最近のアクティビティ、パスキー、2段階認証
## （/account/two-step も）、連携アカウント、メールアドレス、パスワード、データ、アカウント削除。

security-title = セキュリティ
security-devices-heading = デバイス
security-devices-loading = デバイスを読み込み中…
security-sign-out-others = 他のデバイスからログアウト
security-sign-out-everywhere = すべてのデバイスからログアウト
security-this-device = このデバイス
security-device-ip = IP
security-device-signed-in = ログイン日時
# ログイン方法（パスワード、パスキー、Googleなど）。
security-device-with = ログイン方法
security-device-last-active = 最終アクティブ
security-device-sign-out = ログアウト
# IPアドレスが記録されていない場合の表示。
security-ip-unknown = 不明
security-sign-out-this-device = このデバイスからログアウトするには、ヘッダーの「ログアウト」を使用してください。
security-change-password = パスワードを変更
# 「…設定するには、」<リンク>「メールでリンクを受け取って」</リンク>「ください。」
security-no-password-before = このアカウントにはまだパスワードがありません。メールで届くコード、パスキー、または連携アカウントでログインしています。パスワードを設定するには、
security-no-password-link = メールでリンクを受け取って
security-no-password-after = ください。
security-password-changed = パスワードを変更しました。他のデバイスはログアウトされました。
security-current-password = 現在のパスワード
security-new-password = 新しいパスワード
security-email-heading = メールアドレス
security-email-sent = { $address } にリンクを送信しました。
security-new-email = 新しいメールアドレス
security-change-email = メールアドレスを変更
security-data-heading = あなたのデータ
security-data-text = プロフィール、ログイン方法、デバイス、セキュリティイベント、当サービスから送信したメールを含むJSONファイルです。ダウンロードされるとメールでお知らせします。
security-data-download = データをダウンロード
security-delete-account = アカウントを削除
security-delete-text = アカウント、プロフィール、プロフィール画像が削除されます。この操作は取り消せません。
security-delete-text-grace = プロフィールとプロフィール画像はすぐに消え、すべてのデバイスからログアウトされます。アカウントは{ $days }日後に削除されます。それまでにログインすればアカウントを残せます。
security-delete-no-password = このアカウントにはパスワードがありません。最後のログインから10分以上経っている場合は、もう一度ログインしてください。

## 最近のアクティビティ。

activity-heading = 最近のアクティビティ
activity-loading = アクティビティを読み込み中…
activity-none = まだありません。

## パスキー。

passkey-heading = パスキー
passkey-intro = パスワードの代わりに、指紋、顔認証、画面ロックでログインできます。
passkey-none = パスキーはまだありません。
passkey-without-password = パスキーがあれば、パスワードなしで利用できます。
passkey-remove-password = パスワードを削除
passkey-added = 追加日時
passkey-last-used = 最終使用
# 「最終使用: なし」。
passkey-never = なし
passkey-new-name = 新しい名前
passkey-rename = 名前を変更
passkey-remove = 削除
passkey-add = パスキーを追加
passkey-name = パスキーの名前
passkey-name-placeholder = このデバイス
passkey-sign-in = パスキーでログイン
passkey-confirm = パスキーで確認
passkey-already = このデバイスには、すでにこのアカウントのパスキーがあります。
passkey-failed = パスキーを使用できませんでした。もう一度お試しください。
passkey-generic = 問題が発生しました。もう一度お試しください。

## 2段階認証。

twostep-title = 2段階認証
twostep-set-up = 2段階認証を設定
twostep-setup-intro = 設定すると、パスワードまたは連携アカウントでのログイン後に、スマートフォンの認証アプリに表示されるコードの入力が求められます。
twostep-scan = 認証アプリでこのQRコードをスキャンしてください：
twostep-scan-new = 新しい認証アプリでこのQRコードをスキャンしてください：
# このあとに4文字ずつ区切られたキーが続きます。
twostep-enter-key = または、このキーを入力してください：
twostep-enter-code = アプリに表示される6桁のコードを入力してください。
twostep-code = コード
twostep-turn-on = 有効にする
twostep-codes-heading = リカバリーコードを保存してください
twostep-codes-intro = スマートフォンをなくした場合、アプリのコードの代わりに、これらのコードでそれぞれ1回ログインできます。安全な場所に保管してください。表示されるのは今回だけです。
twostep-codes-saved = コードを保存しました
twostep-on-heading = 2段階認証は有効です
twostep-replaced = 新しい認証アプリを設定しました。古いアプリは使用できなくなりました。
twostep-codes-left = リカバリーコードの残り：{ $count }個
twostep-new-codes = 新しいリカバリーコードを作成
twostep-lost-phone = スマートフォンをなくしましたか？
twostep-new-app = 新しい認証アプリを設定
twostep-replace-intro = 新しいアプリが古いアプリに置き換わります。古いアプリのコードは使えなくなり、他のデバイスはログアウトされます。
twostep-new-code = 新しいアプリのコード
twostep-current-code = 現在のアプリのコード
twostep-use-new-app = 新しいアプリを使用
twostep-cancel = キャンセル
twostep-turn-off = 無効にする
twostep-recovery-code = リカバリーコード
twostep-use-app = 代わりに認証アプリを使用する
twostep-use-recovery = 代わりにリカバリーコードを使用する
twostep-summary-on = 有効：ログイン時に認証アプリのコードが求められます。
twostep-summary-off = 無効。ログインに認証アプリのコードを追加できます。
twostep-manage = 2段階認証を管理

## 連携アカウント（$provider: Google、GitHubなど）。

connected-heading = 連携アカウント
connected-now = { $provider } を連携しました。
connected-disconnected = { $provider } の連携を解除しました。
connected-connect = 連携する
connected-disconnect = 連携を解除
