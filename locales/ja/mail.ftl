## Mails: what every mail says (server/src/mail/templates.rs).

mail-moment = { $date } { $time }（UTC）
mail-link-once-24h = このリンクは1回だけ使用でき、24時間で有効期限が切れます。
mail-verify-subject = メールアドレスを確認してください
mail-verify-text = アカウントの設定を完了するには、{ $address } があなたのメールアドレスであることを確認してください。
mail-verify-link = メールアドレスを確認する
mail-reset-subject = パスワードの再設定
mail-reset-text = このアカウントのパスワードの再設定が依頼されました。ご本人の場合は、下のリンクから新しいパスワードを設定してください。
mail-reset-expiry = このリンクは1回だけ使用でき、1時間で有効期限が切れます。お心当たりがない場合は、このメールを無視してください。何も変更されません。
mail-reset-link = 新しいパスワードを設定する
mail-code-subject = { $service } のログインコード
mail-code-text = ログインコードは { $code } です
mail-code-where = コードを依頼したブラウザで入力するか、同じブラウザで下のリンクを押してください。1回だけ、10分間使用できます。
mail-code-ignore = コードを依頼していない場合は、このメールを無視してください。依頼したブラウザがなければ、誰もこのコードを使用できません。
mail-code-link = このデバイスでログインする
mail-password-changed-subject = パスワードが変更されました
mail-password-changed-text = アカウントのパスワードが変更され、以前のパスワードでログインしていたデバイスはログアウトされました。
mail-confirm-new-subject = 新しいメールアドレスを確認してください
mail-confirm-new-text = { $address } をアカウントの新しいメールアドレスにすることを確認してください。
mail-confirm-new-link = 新しいメールアドレスを確認する
mail-goodbye-subject = アカウントが削除されました
mail-goodbye-text = アカウント、プロフィール、アバターが削除され、すべてのデバイスがログアウトされました。
mail-goodbye-contact = お心当たりがない場合は、このメールに返信してご連絡ください。
mail-deletion-subject = アカウントは削除される予定です
mail-deletion-text = アカウントは { $when } に削除されます。プロフィールとアバターはすでに削除され、すべてのデバイスがログアウトされました。
mail-deletion-keep = アカウントを残すには、{ $when } より前にログインしてください。
mail-deletion-link = ログイン
mail-email-change-subject = メールアドレスの変更が依頼されました
mail-email-change-text = アカウントのメールアドレスを { $address } に変更する依頼がありました。変更は、そのアドレスに送信されたリンクが使用されたときにのみ行われます。
mail-email-change-not-you = お心当たりがない場合は、下の「これは私ではありません」を押してください。そのアドレスに送信されたリンクは使用できなくなります。
mail-not-me-link = これは私ではありません
mail-not-me-words = リンクを開くと、ボタンが1つだけのページが表示されます。そのボタンを押すと、すべてのデバイスがログアウトされ、新しいパスワードを設定するためのリンクがアカウントのメールアドレスに送信されます。リンクを開くだけでは何も変更されません。

## Security notices (server/src/mail/notices.rs and the services that send them).

notice-not-you = お心当たりがない場合は、下の「これは私ではありません」を押してください。
notice-where = { $device }、{ $when }。
notice-where-ip = { $device }（{ $ip }）、{ $when }。
notice-open-security = セキュリティページを開く
notice-review-activity = デバイスと最近のアクティビティを確認する
notice-review-connected = 連携しているアカウントを確認する
notice-sign-in-subject = { $service } への新しいログイン
notice-sign-in-text = これまで使用されたことのないデバイスから、あなたのアカウントにログインがありました：
notice-email-changed-subject = メールアドレスが変更されました
notice-email-changed-text = アカウントのメールアドレスは { $address } になりました。今後、このアカウントに関するメールはこのアドレスには届きません。
notice-email-changed-help = お心当たりがない場合は、誰かがあなたのパスワードを知っています。新しいアドレスのメールを受け取れる場合はログインページからパスワードを再設定するか、このメールに返信してください。アカウントの回復をお手伝いします。
notice-provider-connected-subject = { $provider } が連携されました
notice-provider-connected-text = { $provider } アカウント { $address } で、あなたのアカウントにログインできるようになりました。
notice-provider-disconnected-subject = { $provider } の連携が解除されました
notice-provider-disconnected-text = { $provider } では、あなたのアカウントにログインできなくなりました。
notice-wrong-codes-subject = パスワードの入力後に誤ったコードが入力されました
notice-wrong-codes-text = 誰かがあなたのパスワードでアカウントにログインし、その後2段階認証のコードを { $count } 回続けて間違えました。
notice-wrong-codes-advice = お心当たりがない場合、パスワードが他人に知られています。今すぐパスワードを変更し、心当たりのないデバイスをログアウトしてください。これまでは2段階認証によって不正なログインが防がれています。
notice-data-exported-subject = データがダウンロードされました
notice-data-exported-text = アカウントのデータ（プロフィール、ログイン方法、デバイス、セキュリティイベント、送信済みメール）のコピーが、セキュリティページからダウンロードされました。
notice-two-step-on-subject = 2段階認証が有効になりました
notice-two-step-on = 2段階認証が有効になりました。ログイン時に認証アプリのコードが求められます。また、ほかのデバイスはログアウトされました。
notice-app-replaced-subject = 認証アプリが変更されました
notice-app-replaced = 2段階認証のコードは新しい認証アプリで作成されるようになりました。以前のアプリは使用できなくなり、ほかのデバイスはログアウトされました。
notice-new-codes-subject = 新しいリカバリーコード
notice-new-codes = アカウントの新しいリカバリーコードが作成されました。以前のコードは使用できなくなりました。
notice-two-step-off-subject = 2段階認証が無効になりました
notice-two-step-off = 2段階認証が無効になりました。ログイン時にはパスワードまたは Google のみが求められます。
notice-recovery-used-subject = リカバリーコードが使用されました
notice-recovery-used-sign-in = アカウントへのログインにリカバリーコードが使用されました。残りは { $count } 個です。
notice-recovery-used-replace-app = 認証アプリの変更にリカバリーコードが使用されました。残りは { $count } 個です。
notice-recovery-used-confirm = 本人確認にリカバリーコードが使用されました。残りは { $count } 個です。
notice-passkey-added-subject = パスキーが追加されました
notice-passkey-added = パスキー「{ $name }」で、あなたのアカウントにログインできるようになりました。
notice-passkey-removed-subject = パスキーが削除されました
notice-passkey-removed = アカウントからパスキーが削除されました。このパスキーではログインできなくなりました。
notice-password-removed-subject = パスワードが削除されました
notice-password-removed = アカウントのパスワードが削除されました。パスキーまたは Google でログインしてください。

## Notices of what support or an administrator did (server/src/admin/actions.rs).

notice-admin-unexpected = お心当たりがない場合は、このメールに返信してください。確認いたします。
notice-two-step-reset-subject = 2段階認証がリセットされました
notice-two-step-reset = ご依頼に基づき、サポートがアカウントの2段階認証を解除しました。ログイン時にはパスワードまたは Google のみが求められ、すべてのデバイスがログアウトされました。セキュリティページから再び有効にできます。
notice-admin-device-out-subject = デバイスがログアウトされました
notice-admin-device-out = 管理者があなたのデバイスの1つをログアウトしました。
notice-admin-all-out-subject = すべてのデバイスがログアウトされました
notice-admin-all-out = 管理者があなたのデバイスをログアウトしました。
notice-admin-locked-subject = アカウントがロックされました
notice-admin-locked = 管理者があなたのアカウントをロックし、デバイスをログアウトしました。
notice-admin-unlocked-subject = アカウントのロックが解除されました
notice-admin-unlocked = 管理者があなたのアカウントのロックを解除しました。
