## アカウント作成、ログイン、メールのコード、2段階認証、パスワード再設定、メールアドレスの確認。
## 値(太字のアドレス)を挟む文は `-before` と `-after` の2つ。端に残す空白は `{" "}` と書く
## (Fluent は通常の空白を削除する)。

signup-title = アカウント作成
signup-submit = アカウントを作成
signup-taken-or = または
signup-taken-reset = パスワードを再設定
signup-without-password = パスワードなしでアカウントを作成
signup-have-account = すでにアカウントをお持ちですか？

login-title = ログイン
login-submit = ログイン
login-reset-done = パスワードを変更しました。新しいパスワードでログインしてください。
login-unproven-removed = このアドレスが確認される前に追加されたログイン方法を削除しました。
login-identifier = メールアドレスまたはユーザー名
login-forgot-password = パスワードをお忘れですか？
login-email-code = ログインコードをメールで受け取る
login-new-here = はじめてご利用ですか？

## ログインの2段階目。

login-verify-title = 2段階認証
login-verify-expired = このログインは有効期限が切れました。
login-verify-sign-in-again = もう一度ログイン
login-verify-recovery-explain = 保存したリカバリーコードのいずれかを入力してください。各コードは1回だけ使えます。
login-verify-enter-code = 認証アプリに表示される6桁のコードを入力してください
login-verify-submit = 確認

## メールで届くコードと、メール内のリンク。

code-login-title = コードでログイン
code-signup-title = パスワードなしでアカウントを作成
code-sent = そのアドレスのアカウントが存在する場合は、コードを送信しました。
code-sent-new = そのアドレスにコードを送信しました。
code-rather-password = パスワードを使いますか？
code-signup-with-password = パスワードを設定してアカウントを作成
code-login-with-password = パスワードでログイン
code-explain = コードをメールでお送りします。有効期間は10分間で、このブラウザでのみ使えます。
code-send = コードを送信
code-enter = メールに記載されたコードを入力してください
code-new-or-other = 新しいコードを送信するか、別のアドレスを使う
code-link-this-device = このデバイスでログイン
# 「このブラウザで <アドレス> としてログインします。」
code-link-sign-in-as-before = このブラウザで{" "}
code-link-sign-in-as-after = {" "}としてログインします。
code-link-your-code = ログインコード
code-link-other-browser = このリンクでログインできるのは、コードをリクエストしたブラウザだけです。そのブラウザで次のコードを入力してください：
code-link-nobody-signed-in = このリンクを開いただけでは、誰もログインしません。
code-link-invalid = このコードは有効期限が切れているか、すでに使用されています。
code-link-ask-new = 新しいコードをリクエスト

## パスワードを忘れた場合と再設定リンク。

reset-forgot-title = パスワードをお忘れの場合
reset-sent = そのアドレスのアカウントが存在する場合は、パスワード再設定用のリンクを送信しました。
reset-send-link = 再設定リンクを送信
reset-title = 新しいパスワードを設定
reset-new-password = 新しいパスワード
reset-submit = 新しいパスワードを設定
reset-ask-new-link = 新しいリンクをリクエスト

## メールアドレスの確認と、確認されるまでのお知らせ。

verify-title = メールアドレスの確認
verify-verified = メールアドレスが確認されました。
verify-changed = 新しいアドレスが確認されました。
verify-invalid-link = このリンクは無効か、有効期限が切れています。
verify-go-to-account = アカウントへ移動
verify-press-button = このアドレスがご自身のものであることを確認するには、ボタンを押してください。
verify-submit = メールアドレスを確認
verify-change-title = 新しいアドレスの確認
verify-change-before = ボタンを押すと、アカウントのアドレスが{" "}
verify-change-after = {" "}に変更されます。
verify-change-submit = 新しいアドレスを確認
verify-invalid-explain = ログインして、アカウントから新しいメールをリクエストしてください。
verify-check-inbox = 受信トレイを確認してください
verify-sent-before = 確認用のリンクを{" "}
verify-sent-after = {" "}に送信しました。リンクを開いてアドレスを確認してください。
verify-sent-again = 再送信しました。
verify-resend = メールを再送信
# リンク「ログイン」(nav-sign-in)の後に続く。
verify-sign-in-to-ask = して、新しいリンクをリクエストしてください。
verify-banner-before = 受信トレイを確認してください。リンクを{" "}
verify-banner-after = {" "}に送信しました。
verify-banner-resend = 再送信

## 重要な変更の前の本人確認。

confirm-title = 本人確認
confirm-heading = 続行するにはパスワードを確認してください
confirm-explain = セキュリティのため、ログイン方法を変更するには、過去10分以内にログインしている必要があります。
confirm-or-passkey = または、登録済みのパスキーを使用してください：
confirm-submit = 続行
confirm-provider-explain = このアカウントは { $provider } でログインします。続行するには、もう一度 { $provider } でログインしてください。

## 「心当たりがありません」:セキュリティ通知に含まれるリンク。

notme-title = 心当たりがありません
notme-button = すべてのデバイスからログアウトしてパスワードを再設定
notme-done = すべてのデバイスからログアウトしました
notme-done-explain = アカウントにログインしていたすべてのデバイスからログアウトしました。以前メールでお送りしたリンクは使えなくなりました。
notme-done-reset = 新しいパスワードを設定するためのリンクを、アカウントのアドレスに送信しました。今すぐ新しいパスワードを設定してください。設定するまでは、古いパスワードを知っている人がログインできてしまいます。
notme-invalid-explain = 「心当たりがありません」のリンクは1回しか使えません。パスワードの再設定は引き続き可能で、再設定するとすべてのデバイスからログアウトされます。
notme-reset-password = パスワードを再設定
notme-explain = メールでお知らせした変更に心当たりがない場合、他の誰かがあなたのパスワードを知っている可能性があります。
notme-press = ボタンを押すと、このデバイスを含め、アカウントにログインしているすべてのデバイスからログアウトし、まだ使われていないメール内のリンクをすべて無効にして、新しいパスワードを設定するためのリンクをお送りします。

## どのページにも当たらないアドレス。

auth-not-found = ページが見つかりません
auth-not-found-explain = このアドレスには何もありません。
auth-go-home = ホームページへ移動
