## サーバーが断ったり失敗したりしたときに表示する文（server クレート: ServiceError と小さなエラーページ）。
## `{ $provider }` はログインプロバイダーの名前（Google、GitHub など）。

## すべてのリクエスト。

err-invalid-credentials = メールアドレスまたはパスワードが正しくありません。
err-email-taken = このメールアドレスのアカウントはすでに存在します
err-rate-limited = 試行回数が多すぎます。{ $count }分後にもう一度お試しください。
err-unauthorized = 続けるにはログインしてください。
err-needs-recent-sign-in = 続けるにはパスワードを確認してください
err-unverified = 先にメールアドレスを確認してください。
err-not-found = それはもう存在しません。
err-locked = このアカウントはロックされています。ロックの解除はサポートにお問い合わせください。
err-invalid-link = このリンクは無効か、有効期限が切れています。
err-internal = こちらで問題が発生しました。もう一度お試しください。
# こちら側の失敗を伝える文のあとに付く、サポートが探すリクエスト ID。
err-reference = 参照番号: { $id }
err-server-misconfigured = サーバーの設定に誤りがあります。
err-wrong-current-password = 現在のパスワードが正しくありません
err-passkey-failed = このパスキーは使えませんでした。もう一度試すか、別の方法でログインしてください。

## フォームの項目。

err-email-invalid = 有効なメールアドレスを入力してください
err-display-name-empty = 表示名を入力してください
err-display-name-too-long = 50文字以内で入力してください
err-display-name-control = 特殊文字を取り除いてください
err-username-format = 3〜30文字の英字、数字、アンダースコアを使ってください
err-username-reserved = このユーザー名は予約されています
err-username-taken = このユーザー名はすでに使われています
err-bio-too-long = 280文字以内で入力してください
err-password-too-short = 12文字以上にしてください
err-password-too-long = 128文字以内にしてください
err-password-weak = このパスワードは推測されやすすぎます
err-password-breached = このパスワードはデータ漏えいで流出しています。別のパスワードを選んでください。

## メールアドレスとメールで届くログインコード。

err-email-just-sent = 先ほど送信しました。次のメールは1分後にリクエストできます。
err-email-daily-limit = 今日はすでに10通のメールをリクエストしています。明日もう一度お試しください。
err-email-taken-since = このアドレスは現在、別のアカウントで使われています。
err-email-same = これはすでにあなたのアドレスです
err-email-change-limit = この1時間にアドレスの変更を5回リクエストしています。しばらくしてからもう一度お試しください。
err-email-code-expired = このコードは有効期限が切れたか、新しいコードに置き換えられました。新しいコードをリクエストしてください。
err-email-code-too-many = 間違ったコードが多すぎます。新しいコードをリクエストしてください。
err-email-code-wrong = コードが正しくありません。メールを確認して、もう一度お試しください。
err-email-code-other-browser = このリンクでログインできるのは、コードをリクエストしたブラウザーだけです。そちらでコードを入力してください。
err-email-code-empty = メールに記載されたコードを入力してください

## 2段階認証。

err-two-step-already-on = 2段階認証はすでに有効です。
err-two-step-off = 2段階認証は無効です。
err-two-step-setup-expired = 2段階認証の設定を最初からやり直してください。
err-two-step-wrong-code = コードが正しくありません。スマートフォンの時刻を確認して、もう一度お試しください。
err-two-step-wrong-recovery-code = このリカバリーコードは正しくないか、すでに使用されています。
err-two-step-expired = このログインは有効期限が切れました。もう一度ログインしてください。
err-two-step-too-many = 間違ったコードが多すぎます。もう一度ログインしてください。
err-two-step-no-code = 認証アプリに表示される6桁のコードを入力してください。
err-two-step-no-recovery-code = リカバリーコードのいずれかを入力してください。

## パスキー。

err-passkey-none = このアカウントにはパスキーがありません。代わりにパスワードで確認してください。
err-passkey-expired = このパスキーのリクエストは有効期限が切れました。もう一度お試しください。
err-passkey-last-way-in = 最後のパスキーを削除する前に、パスワードを設定するか Google を連携してください。
err-passkey-busy = パスキーでのログインが現在混み合っています。1分後にもう一度試すか、別の方法でログインしてください。
err-passkey-name-length = 1〜60文字で入力してください
err-passkey-already-registered = このパスキーはすでに登録されています。
err-password-last-way-in = パスワードを削除する前に、パスキーを追加するか Google を連携してください。

## ログインプロバイダー。

err-sign-in-attempt-expired = このログインの試みは有効期限が切れました。もう一度お試しください。
err-provider-unavailable = 現在 { $provider } を利用できません。もう一度試すか、パスワードをお使いください。
err-provider-rejected = { $provider } でのログインに失敗しました。もう一度お試しください。
err-provider-email-unverified = { $provider } はこのメールアドレスを確認していません。{ $provider } で確認するか、パスワードで登録してください。
err-provider-no-verified-email = { $provider } アカウントに確認済みのメールアドレスがありません。
err-provider-account-exists = このメールアドレスのアカウントはすでに存在します。{ $provider } を連携するには、パスワードでログインしてください。
err-provider-linked-elsewhere = この { $provider } アカウントはすでに別のアカウントに連携されています。
err-provider-already-connected = このアカウントはすでに別の { $provider } アカウントと連携されています。先に連携を解除してください。
err-provider-needs-password = { $provider } の連携を解除する前に、パスワードを設定してください。
err-provider-not-connected = このアカウントには、確認に使える { $provider } のログインがありません。

## プロフィール、アバター、削除。

err-deletion-scheduled = このアカウントは削除の手続き中です。先にアカウントを残す操作をしてください。
err-delete-from-security-page = アカウントはセキュリティページから削除してください。
err-delete-sign-in-again = もう一度ログインしてから、10分以内にアカウントを削除してください
err-avatar-not-an-image = このファイルは JPEG、PNG、WebP の画像ではありません。
err-avatar-gif = GIF 画像には対応していません。JPEG、PNG、WebP の画像をお使いください。
err-avatar-damaged = この画像は破損しているか、不完全です。
err-avatar-too-large = 画像は5 MB以下にしてください。
err-avatar-too-many-pixels = 画像の縦横はそれぞれ4096ピクセル以下にしてください。
err-avatar-not-one-file = 画像を1つ選んでください。
err-avatar-too-many = アップロードが多すぎます。1時間後にもう一度お試しください。

## 小さなエラーページと簡単な応答。

err-page-something-went-wrong-title = 問題が発生しました
err-page-something-went-wrong = 問題が発生しました。
err-page-unavailable-title = 一時的に利用できません
err-page-database = 現在データベースに接続できません。しばらくしてからもう一度お試しください。
err-page-try-again = もう一度試す
err-cross-site = このリクエストはこのサイトから送信されたものではありません。
err-media-not-found = 見つかりません
err-media-unavailable = ストレージを利用できません
