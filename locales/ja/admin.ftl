## 管理画面: /admin、/admin/users、/admin/users/<id>、/admin/audit。
## タイトルと見出しの「管理」は nav-admin を使う。

admin-loading = 読み込み中…
admin-needs-second-factor = 管理画面を使うには2段階認証またはパスキーが必要です
admin-second-factor-before = パスキーでログインするか、
admin-second-factor-link = 2段階認証を有効にしてから
admin-second-factor-after = もう一度ログインしてください。
admin-unavailable = 管理画面を利用できません
admin-nav-overview = 概要
admin-nav-people = ユーザー
admin-nav-audit = 監査ログ
admin-search = 検索
admin-next-page = 次のページ

## 概要。

admin-count-accounts = アカウント
admin-count-verified = 確認済み
admin-count-two-step = 2段階認証あり
admin-count-passkeys = パスキーあり
admin-count-signed-in-day = ログイン（過去24時間）
admin-count-signed-in-week = ログイン（過去7日間）
admin-admins = 管理者
admin-chart-heading = 1日あたりのログイン数（過去30日間）
admin-chart-label = 過去{ $days }日間のログイン: { $total }回
admin-instance-heading = このインスタンス
admin-outbox-none-due = メール送信キュー: 待機中 { $count } 件、送信予定なし
admin-outbox-oldest-due = メール送信キュー: 待機中 { $count } 件、最も古いものは { $seconds } 秒前から送信待ち
admin-listener-connected = キャッシュ整合性リスナー: 接続中
admin-listener-down = キャッシュ整合性リスナー: 停止中（キャッシュは使われていません）

## ユーザー。

admin-people-title = ユーザー · 管理
admin-deleted = アカウントを削除しました。
admin-search-people-label = メールアドレス・ユーザー名・名前（前方一致）
admin-filters-legend = 絞り込み
admin-filter-unverified = 未確認
admin-filter-locked = ロック中
admin-filter-two-step = 2段階認証あり
admin-no-account-matches = 該当するアカウントはありません。
admin-accounts-found = 見つかったアカウント
admin-col-email = メールアドレス
admin-name = 名前
admin-username = ユーザー名
admin-created = 作成日時
admin-col-status = 状態
admin-status-unverified = 未確認
admin-status-locked = ロック中
admin-status-two-step = 2段階認証
admin-status-admin = 管理者

## ユーザー詳細。

admin-person-title = { $email } · 管理
admin-yes = はい
admin-no = いいえ
admin-on = 有効
admin-off = 無効
admin-fact-verified = 確認済み
admin-fact-locked = ロック
admin-fact-admin = 管理者
admin-fact-ways-in = ログイン方法
admin-fact-two-step = 2段階認証
admin-way-password = パスワード
admin-way-passkey = パスキー「{ $name }」（{ $at } に追加）
admin-ways-email-codes-only = メールのコードのみ
admin-devices-heading = デバイス（{ $count }）
admin-device-line = { $name } · { $ip } · { $method } · ログイン { $signed_in } · 最終利用 { $last_seen }
admin-trail-heading = セキュリティ履歴
admin-mails-heading = メール
admin-mail-line = { $subject } · キュー登録 { $at } · { $status }
admin-mail-sent = 送信済み { $at }
admin-mail-given-up = 送信中止
admin-mail-waiting = 送信待ち

## アカウントへの操作。

admin-act-heading = このアカウントへの操作
admin-action-label = 操作
admin-action-sign-out-all = すべてのデバイスからログアウトさせる
admin-action-sign-out-device = { $device } からログアウトさせる
admin-action-lock = アカウントをロックする
admin-action-unlock = アカウントのロックを解除する
admin-action-mark-verified = メールアドレスを確認済みにする
admin-action-resend-verification = 確認メールを再送する
admin-action-reset-two-step = 2段階認証をリセットする
admin-action-delete = アカウントを削除する
admin-reason-label = 理由（監査ログに記録されます）
admin-apply = 実行
admin-choose-action = 操作を選んでください。
admin-reason-too-short = 理由を入力してください（3文字以上）
admin-reason-too-long = 理由はプレーンテキストで500文字未満にしてください
admin-search-too-long = 検索語は320文字以内にしてください
admin-already-verified = このメールアドレスは確認済みです。
admin-done-sign-out-device = デバイスからログアウトさせました。
admin-done-sign-out-all = すべてのデバイスからログアウトさせました。
admin-done-lock = アカウントをロックし、すべてのデバイスからログアウトさせました。
admin-done-unlock = アカウントのロックを解除しました。
admin-done-mark-verified = メールアドレスを確認済みにしました。
admin-done-reset-two-step = 2段階認証を解除し、すべてのデバイスからログアウトさせました。
admin-done-resend-verification = 確認メールを送信しました。

## 監査ログ。

admin-audit-title = 監査ログ · 管理
admin-audit-actor-label = 管理者のメールアドレス（前方一致）
admin-audit-target-label = 対象ユーザーのメールアドレス（前方一致）
admin-no-action-matches = 該当する操作はありません。
admin-audit-entries = 監査ログの項目
admin-col-when = 日時
admin-col-administrator = 管理者
admin-col-action = 操作
admin-col-person = 対象ユーザー
admin-col-reason = 理由
admin-col-request = リクエスト
