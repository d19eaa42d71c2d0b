/**
 * Curated Japanese paraphrase vocabulary for the IT-helpdesk search engine used by staff of Japanese local
 * governments and universities.
 *
 * Written by hand from general knowledge of Japanese office language and IT vocabulary — how clerks, faculty,
 * students and helpdesk FAQs actually name things — and not derived from, or fitted to, any evaluation data,
 * question set or project document.
 *
 * - IT_OFFICE_SYNONYM_GROUPS: symmetric groups. Every member may stand for every other member in a helpdesk
 *   question (spelling variants, katakana ↔ Latin product names, nicknames and abbreviations, kanji ↔ katakana,
 *   official ↔ casual wording). A term belongs to at most one group. These groups deliberately do not restate the
 *   core groups maintained elsewhere (パスワード, ログイン, メール, プリンタ, 無線LAN, Teams, …); they extend around
 *   them with neighbouring concepts.
 * - IT_OFFICE_ONE_WAY: one-way rules. The key is an everyday, colloquial, vague or broader word (often the verb of
 *   a symptom, in dictionary form); the values are the terms an FAQ is written with. Expansion goes only from key
 *   to values, never back, so that a precise FAQ term does not drag in the vague word or its other senses.
 *
 * Terms are single words as a morphological analyser (IPADIC/kuromoji) would see them, or short compounds: nouns,
 * verb dictionary forms, Latin product names and katakana loanwords, 1–12 characters each. Things an FAQ keeps
 * apart (送信 / 受信, トナー / 紙詰まり, Teams chat / Teams meeting, 閲覧権限 / 編集権限, …) are kept in separate
 * groups.
 */

import { DEVICE_AND_OFFICE_GROUPS } from './it-vocabulary-devices';
import { SERVICE_GROUPS } from './it-vocabulary-services';
import { EVERYDAY_ONE_WAY } from './it-vocabulary-everyday';
import { PRODUCT_ONE_WAY } from './it-vocabulary-products';

/** Symmetric groups: words staff and FAQs use interchangeably for one thing or action. */
export const IT_OFFICE_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ...DEVICE_AND_OFFICE_GROUPS,
  ...SERVICE_GROUPS,
];

/** One-way: an everyday or vague word → the terms an FAQ is written with (not the reverse). */
const TECHNICAL_ONE_WAY: readonly (readonly [string, readonly string[]])[] = [
  // Disposal, loss, theft
  ['捨てる', ['廃棄', '処分']],
  ['無くす', ['紛失', 'なくす']],
  ['失くす', ['紛失', 'なくす']],
  ['落とし物', ['紛失', '置き忘れ']],
  ['盗む', ['盗難', '紛失']],
  ['落とす', ['ダウンロード', '落下', '紛失']],
  ['買い替え', ['リプレース', '機器更新', '機種変更']],

  // Vague symptom words → FAQ nouns
  ['消える', ['削除', '消失', '非表示']],
  ['なくなる', ['消失', '紛失', '削除']],
  ['戻す', ['復元', '元に戻す', '復旧']],
  ['直す', ['修正', '修理', '復旧']],
  ['直る', ['復旧', '解消']],
  ['おかしい', ['不具合', '異常', 'エラー']],
  ['困る', ['トラブル', '不具合', '問い合わせ']],
  ['トラブル', ['不具合', '障害', 'エラー']],
  ['動く', ['動作', '起動', '反応']],
  ['止まる', ['フリーズ', '停止', '応答なし']],
  ['落ちる', ['異常終了', 'クラッシュ', '切断', 'シャットダウン']],
  ['飛ぶ', ['消失', '切断', '異常終了']],
  ['途切れる', ['切断', '瞬断', 'カクカク']],
  ['重たい', ['遅い', '重い']],
  ['勝手', ['自動', '自動起動', '自動更新']],
  ['見える', ['表示', '閲覧権限']],
  ['映る', ['表示', '映像', '外部モニター']],
  ['映す', ['プロジェクター', '画面共有', '外部モニター']],
  ['聞こえる', ['音声', 'スピーカー', 'ヘッドセット']],
  ['声', ['マイク', '音声']],
  ['響く', ['エコー', 'ハウリング']],
  ['うるさい', ['異音', 'ファン音', 'ハウリング']],
  ['熱い', ['発熱', 'オーバーヒート']],
  ['こぼす', ['水濡れ', '水没']],
  ['割れる', ['画面割れ', '破損']],
  ['光る', ['点灯', '点滅', 'ランプ']],
  ['鳴る', ['ビープ音', '着信音', '警告音']],
  ['弾く', ['アクセス拒否', 'ブロック', 'ロックアウト']],
  ['ブロック', ['閲覧制限', 'アクセス拒否', '受信拒否']],
  ['いっぱい', ['容量不足', '容量上限', 'メールボックス容量']],
  ['パンク', ['容量不足', '容量超過']],
  ['小さい', ['縮小', '文字サイズ', '表示倍率']],
  ['かすれる', ['かすれ', '印刷かすれ', 'トナー不足']],
  ['薄い', ['かすれ', 'トナー不足', '明るさ']],
  ['詰まる', ['紙詰まり', '用紙詰まり']],
  ['うっかり', ['誤操作', '誤送信', '誤削除']],

  // Everyday action verbs → FAQ terms
  ['入る', ['ログイン', 'サインイン', 'アクセス']],
  ['入れる', ['インストール', '導入', '入力', 'ログイン']],
  ['差す', ['挿入', '接続']],
  ['挿す', ['挿入', '接続']],
  ['抜く', ['取り外し', '切断']],
  ['つながる', ['接続', '通信', '疎通確認']],
  ['繋がる', ['接続', '通信', '疎通確認']],
  ['切る', ['シャットダウン', '電源オフ', '切断']],
  ['送る', ['送信', '転送', '添付']],
  ['受け取る', ['受信']],
  ['返事', ['返信']],
  ['貼る', ['貼り付け', '添付']],
  ['撮る', ['スクリーンショット', '撮影', '録画']],
  ['刷る', ['印刷']],
  ['焼く', ['ディスク書き込み', 'CD-R', 'DVD-R']],
  ['読み込む', ['スキャン', 'インポート', '取り込み']],
  ['取り込む', ['インポート', 'スキャン']],
  ['探す', ['検索']],
  ['まとめる', ['結合', '集約印刷', '圧縮']],
  ['くっつける', ['結合', 'セル結合', 'PDF結合']],
  ['載せる', ['掲載', '公開', 'アップロード']],
  ['申し込む', ['申請', '申し込み']],
  ['尋ねる', ['問い合わせ']],
  ['相談', ['問い合わせ', 'ヘルプデスク']],
  ['持ち帰る', ['持ち出し', '持ち帰り']],
  ['持ち運ぶ', ['持ち出し', 'ノートPC']],
  ['止める', ['停止', '利用停止', '解約']],
  ['辞める', ['退職', '離職']],
  ['思い出す', ['パスワード忘れ', 'パスワードリセット']],
  ['ど忘れ', ['忘れる', '失念', 'パスワード忘れ']],

  // Everyday descriptions of objects → technical names
  ['穴', ['差込口', 'ポート', '端子']],
  ['線', ['ケーブル', 'LANケーブル', '電源ケーブル']],
  ['矢印', ['マウスポインタ', 'カーソル', '矢印キー']],
  ['アダプター', ['ACアダプター', '変換アダプタ', '充電器']],
  ['充電', ['充電器', 'バッテリー', 'ACアダプター']],
  ['カメラ', ['Webカメラ', 'ウェブカメラ']],
  ['USB', ['USBメモリ', 'USBポート', 'USBケーブル']],
  ['USBスティック', ['USBメモリ']],
  ['フラッシュメモリ', ['USBメモリ']],
  ['外付け', ['外付けHDD', '外部記録媒体', '外部モニター']],
  ['CD', ['光学ドライブ', '外部記録媒体']],
  ['DVD', ['光学ドライブ', '外部記録媒体']],
  ['写真', ['画像', 'JPEG', 'スクリーンショット']],
  ['紙', ['用紙', 'コピー用紙']],
  ['資料', ['ファイル', '文書']],
  ['書類', ['文書', 'ファイル']],
  ['使い方', ['マニュアル', '操作手順', '手順']],
  ['初めて', ['初回ログイン', '初期設定']],
  ['漢字', ['IME', '外字', 'かな漢字変換']],
  ['ひらがな', ['IME', '日本語入力', 'かな入力']],
  ['英語', ['英字入力', '表示言語', 'IME']],
  ['ワープロ', ['Word', 'ワード', '文書作成']],
  ['表計算', ['Excel', 'エクセル', 'スプレッドシート']],
  ['プレゼン', ['PowerPoint', 'パワポ', 'プレゼンテーション']],
  ['ウィルス', ['ウイルス']],
  ['ウイルスソフト', ['ウイルス対策ソフト', 'セキュリティソフト']],
  ['警告', ['警告メッセージ', 'セキュリティ警告', '偽警告']],
  ['怪しいメール', ['不審メール', 'フィッシングメール', '標的型メール']],
  ['詐欺', ['フィッシング', 'サポート詐欺', 'なりすまし']],
  ['ハッキング', ['不正アクセス', 'アカウント乗っ取り', 'サイバー攻撃']],

  // Networks and places
  ['ネット', ['無線LAN', 'LAN', 'ネットワーク']],
  ['ワイファイ', ['Wi-Fi', '無線LAN']],
  ['WiFi', ['Wi-Fi', '無線LAN']],
  ['無線', ['無線LAN', 'Wi-Fi', 'Bluetooth']],
  ['アドレス', ['メールアドレス', 'IPアドレス', 'URL']],
  ['自宅', ['在宅勤務', 'テレワーク', 'リモートアクセス']],
  ['家', ['自宅', '在宅勤務']],
  ['リモート', ['リモートアクセス', 'テレワーク', '遠隔操作', 'リモートデスクトップ']],
  ['学外', ['リモートアクセス', 'VPN', '学外共有']],
  ['出張', ['外出先', 'リモートアクセス', '自動応答']],
  ['社内', ['庁内', '学内', 'イントラネット']],
  ['内部', ['庁内', 'LGWAN接続系', 'イントラネット']],
  ['マイナンバー', ['マイナンバー利用事務系', 'マイナンバーカード', '個人番号']],
  ['クラウド', ['クラウドストレージ', 'クラウドサービス', 'Microsoft365']],
  ['共有ドライブ', ['共有フォルダ', 'ネットワークドライブ']],
  ['共有サーバ', ['ファイルサーバ', '共有フォルダ']],
  ['ファイルサーバー', ['ファイルサーバ']],
  ['共有フォルダー', ['共有フォルダ']],

  // Nicknames, variant spellings and broad words that extend existing groups
  ['パワーポイント', ['PowerPoint', 'パワポ']],
  ['モニター', ['モニタ', 'ディスプレイ', '外部モニター']],
  ['アプデ', ['アップデート', '更新']],
  ['アップ', ['アップロード', 'アップデート']],
  ['スプシ', ['スプレッドシート']],
  ['ズーム会議', ['Zoom', 'Web会議']],
  ['ウェブ会議', ['Web会議', 'オンライン会議']],
  ['リモート会議', ['Web会議', 'オンライン会議']],
  ['ネット会議', ['Web会議', 'オンライン会議']],
  ['ビデオ会議', ['Web会議', 'オンライン会議', 'テレビ会議']],
  ['ミーティング', ['会議', 'Web会議', 'Teams会議']],
  ['AI', ['生成AI', 'ChatGPT', 'Copilot']],
  ['電子決済', ['電子決裁']],
  ['様式', ['テンプレート', '申請様式']],
  ['スケジュール', ['予定表', 'カレンダー']],
  ['電話', ['内線', '外線', '電話機']],
  ['業者', ['ベンダー', '保守業者', '委託業者']],
  ['転勤', ['異動', '人事異動']],
  ['新人', ['新規採用', '新任']],
  ['結婚', ['改姓', '氏名変更']],
  ['留守', ['不在通知', '自動応答', '留守番電話']],
  ['休暇', ['自動応答', '不在通知']],
];

/** One-way: an everyday or vague word → the terms an FAQ is written with (not the reverse). */
export const IT_OFFICE_ONE_WAY: readonly (readonly [string, readonly string[]])[] = [
  ...TECHNICAL_ONE_WAY,
  ...EVERYDAY_ONE_WAY,
  ...PRODUCT_ONE_WAY,
];
