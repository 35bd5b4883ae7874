## セキュリティ履歴のイベント（セキュリティページ、管理コンソール）、ログイン方法（デバイス一覧）、
## デバイス名。

event-signed-up = アカウントを作成
event-signed-in = ログイン
event-sign-in-failed = ログインの失敗
event-locked-out = 失敗が続いたためログインを一時停止
event-password-changed = パスワードを変更
event-password-reset = メールでパスワードを再設定
event-email-change-requested = メールアドレスの変更をリクエスト
event-email-changed = メールアドレスを変更
event-provider-connected = ログインプロバイダーを連携
event-provider-disconnected = ログインプロバイダーの連携を解除
event-devices-signed-out = デバイスをログアウト
event-token-reused = コピーされたセッションが使われたため、そのデバイスをログアウト
event-two-step-enabled = 2段階認証を有効化
event-two-step-disabled = 2段階認証を無効化
event-recovery-codes-regenerated = 新しいリカバリーコードを作成
event-recovery-code-used = リカバリーコードでログイン
event-passkey-added = パスキーを追加
event-passkey-removed = パスキーを削除
event-password-removed = パスワードを削除
event-account-locked = サポートがアカウントをロック
event-account-unlocked = サポートがアカウントのロックを解除
event-password-entered-code-asked = パスワードを入力、コードを要求
event-wrong-code = 間違ったコードを入力
event-codes-locked-out = 間違ったコードが続いたためコード入力を一時停止
event-unproven-methods-removed = アドレスの確認前に追加されたログイン方法を削除
event-two-step-reset = サポートが2段階認証をリセット
event-not-me = 「これは私ではありません」を報告: すべてのデバイスをログアウト
event-address-verified-by-support = サポートがアドレスを確認済みに設定
event-data-exported = データをダウンロード
event-deletion-scheduled = アカウントの削除をリクエスト
event-deletion-cancelled = アカウントを保持: 削除を取り消し
event-verification-resent-by-support = サポートが確認メールを再送信

## デバイスのログイン方法。

method-password = パスワード
method-password-and-code = パスワードと認証アプリのコード
method-passkey = パスキー
method-email-code = メールのコード
method-email-code-and-code = メールのコードと認証アプリのコード
method-provider-and-code = { $provider } + コード

## ブラウザーから付けたデバイス名（「Linux の Firefox」）。

device-unknown = 不明なブラウザー
device-on = { $os } の { $browser }
