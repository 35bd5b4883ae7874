## ヘッダー、フッター、全ページ共通。

nav-sign-in = ログイン
nav-create-account = アカウント作成
nav-sign-out = ログアウト
nav-admin = 管理
nav-account = アカウント
avatar-alt = プロフィール画像
theme-dark = ダークテーマ
theme-light = ライトテーマ
theme-invalid = ライトテーマかダークテーマを選んでください。
language-label = 言語
language-choose = 言語を変更
language-invalid = 一覧の言語から選んでください。

## 時刻(相対・正確)。

time-just-now = たった今
time-yesterday = 昨日
time-minutes-ago = { $count }分前
time-hours-ago = { $count }時間前
time-days-ago = { $count }日前
date-long = { $year }年{ $month }{ $day }日
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月

## ホーム。

home-title = ホーム
home-welcome-back = おかえりなさい、{ $name } さん
home-welcome = { $service } へようこそ
home-tagline = ひとつのアカウントで、どのデバイスでも安全にログイン。
home-security-link = セキュリティとデバイス
home-deleted = アカウントを削除しました。
home-deletion-scheduled = アカウントは削除される予定です。日付をメールでお送りしました。それまでにログインすればアカウントを残せます。
