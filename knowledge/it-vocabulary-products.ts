/**
 * Product and service names → the kind of thing an FAQ names instead (one-way): staff say the device or program in
 * their hand (iPhone, Chrome, Zoom, Gmail), a helpdesk FAQ the kind (スマートフォン, ブラウザ, Web会議, フリーメール).
 * Written by hand from general knowledge of office IT (session 25); not derived from, or fitted to, any evaluation
 * data or question set. Expansion goes only from the name to the kind: an FAQ about スマートフォン in general answers
 * a question about an iPhone, not the reverse. Names a municipal FAQ usually writes itself (Teams, OneDrive, Outlook,
 * Windows) are not keys: their FAQs name them.
 */

/** One-way: a product or service name → the kinds an FAQ is written with. */
export const PRODUCT_ONE_WAY: readonly (readonly [string, readonly string[]])[] = [
  // Phones and tablets
  ['iPhone', ['スマートフォン', 'スマホ', 'モバイル端末']],
  ['アイフォン', ['スマートフォン', 'スマホ', 'モバイル端末']],
  ['Android', ['スマートフォン', 'スマホ', 'モバイル端末']],
  ['アンドロイド', ['スマートフォン', 'スマホ', 'モバイル端末']],
  ['Galaxy', ['スマートフォン', 'スマホ']],
  ['Xperia', ['スマートフォン', 'スマホ']],
  ['Pixel', ['スマートフォン', 'スマホ']],
  ['AQUOS', ['スマートフォン', 'スマホ']],
  ['iPad', ['タブレット', 'タブレット端末', 'モバイル端末']],
  ['アイパッド', ['タブレット', 'タブレット端末', 'モバイル端末']],
  // Browsers
  ['Chrome', ['ブラウザ', 'Webブラウザ']],
  ['クローム', ['ブラウザ', 'Webブラウザ']],
  ['Firefox', ['ブラウザ', 'Webブラウザ']],
  ['Safari', ['ブラウザ', 'Webブラウザ']],
  ['サファリ', ['ブラウザ', 'Webブラウザ']],
  // Meetings and chat outside the office suite
  ['Zoom', ['Web会議', 'オンライン会議']],
  ['Webex', ['Web会議', 'オンライン会議']],
  ['Skype', ['Web会議', 'オンライン会議']],
  ['Slack', ['チャット', 'ビジネスチャット']],
  ['Chatwork', ['チャット', 'ビジネスチャット']],
  // Private mail, storage and social media
  ['Gmail', ['フリーメール', '私用メール', '外部メール']],
  ['Yahooメール', ['フリーメール', '私用メール', '外部メール']],
  ['Dropbox', ['クラウドストレージ', 'オンラインストレージ']],
  ['iCloud', ['クラウドストレージ', 'オンラインストレージ']],
  ['LINE', ['SNS', 'メッセージアプリ']],
  ['ライン', ['SNS', 'メッセージアプリ']],
  ['Facebook', ['SNS']],
  ['Instagram', ['SNS']],
  ['インスタ', ['SNS']],
  ['YouTube', ['動画', '動画サイト']],
  ['ユーチューブ', ['動画', '動画サイト']],
  // Office programs → the suite
  ['Excel', ['Office', 'オフィス']],
  ['エクセル', ['Office', 'オフィス']],
  ['Word', ['Office', 'オフィス']],
  ['ワード', ['Office', 'オフィス']],
  ['PowerPoint', ['Office', 'オフィス']],
  ['パワポ', ['Office', 'オフィス']],
  ['Acrobat', ['PDF', 'PDF編集']],
  ['アクロバット', ['PDF', 'PDF編集']],
  // Generative AI
  ['Gemini', ['生成AI']],
  ['Claude', ['生成AI']],
];
