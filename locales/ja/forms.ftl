## 多くのページで共通のフォーム部品。

form-email = メールアドレス
form-password = パスワード
form-password-hint = 12文字以上。関連のない単語をいくつか組み合わせるのがおすすめです。
form-code = コード
form-recovery-code = リカバリーコード
form-use-authenticator = 代わりに認証アプリを使う
form-use-recovery-code = 代わりにリカバリーコードを使う
form-loading = 読み込み中…
form-checking-link = リンクを確認しています…
form-back-to-sign-in = ログインに戻る
form-resend-verification = 確認メールを再送信
form-show-password = パスワードを表示
form-hide-password = パスワードを隠す
form-strength = 強度：{ $word }
form-strength-too-short = 短すぎます
form-strength-too-long = 長すぎます
form-strength-weak = 弱い
form-strength-fair = 普通
form-strength-strong = 強い
form-error-unreachable = サーバーに接続できませんでした。接続を確認して、もう一度お試しください。
form-error-incomplete = フォームの入力が不完全でした。もう一度入力してください。
form-error-generic = 問題が発生しました。もう一度お試しください。
form-error-fallback = 問題が発生しました。

## ログインサービス(Google、GitHub、OpenID Connect)。

provider-or = または
provider-continue-with = { $provider } で続行
provider-cancelled = { $provider } でのログインはキャンセルされました。
provider-unavailable = { $provider } は現在ご利用いただけません。もう一度お試しいただくか、パスワードをご利用ください。
provider-failed = { $provider } でのログインに失敗しました。もう一度お試しください。
provider-signing-in = ログインしています…
provider-sign-in-generic = ログイン
provider-sign-in-named = { $provider } でログイン
