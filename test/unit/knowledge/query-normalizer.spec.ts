import { strict as assert } from 'node:assert';
import { QueryNormalizer } from '../../../knowledge/query-normalizer';
import { slipCost, withinOneEdit } from '../../../knowledge/kana-edit';
import { testAnalyzer } from './shared-analyzer';

describe('QueryNormalizer (input as staff type it, against the KB vocabulary)', () => {
  const kb = new QueryNormalizer([
    'パスワードを忘れた。アカウントがロックされた。プリンターのトナーが切れた。',
    'Teams（チームズ）が起動しない。ワンタイムパスワードのアプリ。ウイルスを検知した。',
  ]);

  it('writes hiragana spellings of the KB katakana words in katakana, also without long vowels', () => {
    assert.equal(kb.rewrite('アカウントろっくされたみたい'), 'アカウントロックされた');
    assert.equal(kb.rewrite('ぱすわーど わすれた'), 'パスワード わすれた');
    assert.equal(kb.rewrite('ぱすわど'), 'パスワード');
    assert.equal(kb.rewrite('ぷりんたーのとなー'), 'プリンタのトナー');
    assert.equal(kb.rewrite('ういるす'), 'ウイルス');
  });

  it('drops a Latin letter a romaji input left between hiragana, never one beside katakana or a word', () => {
    assert.equal(kb.rewrite('印刷されまsした'), '印刷されました');
    assert.equal(kb.rewrite('印刷されまsせん'), '印刷されません');
    assert.equal(kb.rewrite('CドライブとSドライブ'), 'cドライブとsドライブ');
    assert.equal(kb.rewrite('プランBのこと'), 'プランbのこと');
  });

  it('corrects an unknown katakana word one edit from a KB word (length ≥ 4), never a short or known one', () => {
    assert.equal(kb.rewrite('テームズ'), 'チームズ');
    assert.equal(kb.rewrite('ワンタイムパスワートのアプリ'), 'ワンタイムパスワードのアプリ');
    assert.equal(kb.rewrite('パスワード'), 'パスワード');
    assert.equal(kb.rewrite('ロッグ'), 'ロッグ');
    assert.equal(kb.rewrite('カレンダー'), 'カレンダ');
  });

  it('reads the KB’s acronyms spelled out by their letters’ names in hiragana', () => {
    const acronyms = new QueryNormalizer(['USBメモリを使う。PCが起動しない。VPNに接続。IDを忘れた。AIの利用。']);
    assert.equal(acronyms.rewrite('ゆーえすびーめもりをさしたい'), 'usbメモリをさしたい');
    assert.equal(acronyms.rewrite('ぴーしーがおそい'), 'pcがおそい');
    assert.equal(acronyms.rewrite('ぶいぴえぬにつなぐ'), 'vpnにつなぐ');
    assert.equal(acronyms.rewrite('あいでぃーをわすれた'), 'idをわすれた');
    // Too short to tell from ordinary words (ぴし, えあい), and no acronym the KB lacks (えすえぬえす → SNS).
    assert.equal(acronyms.rewrite('かえあいさつ'), 'かえあいさつ');
    assert.equal(acronyms.rewrite('えすえぬえす'), 'えすえぬえす');
  });

  it('corrects a Latin word one slip from a KB word of five letters or more with the same first letter', () => {
    const latin = new QueryNormalizer(['Outlook が起動しない。Teams の通知。Windows Update。Excel のマクロ。']);
    assert.equal(latin.rewrite('Outlokが起動しない'), 'outlookが起動しない');
    assert.equal(latin.rewrite('Temasの通知'), 'teamsの通知');
    assert.equal(latin.rewrite('Widnows'), 'windows');
    assert.equal(latin.rewrite('Exel'), 'exel'); // four letters: too short to tell
    assert.equal(latin.rewrite('Beams'), 'beams'); // another first letter
    assert.equal(latin.rewrite('Teams2'), 'teams2'); // digits: a model number
    assert.equal(latin.rewrite('Outlook'), 'outlook');
  });

  it('rewrites colloquial verb forms, keeping ordinary hiragana and 出来ない as typed', () => {
    assert.equal(kb.rewrite('パスワードがわからなくなった'), 'パスワードが忘れた');
    assert.equal(kb.rewrite('PCを失くした'), 'pcを紛失した');
    assert.equal(kb.rewrite('メールが来ない'), 'メールが来ない 届かない');
    assert.equal(kb.rewrite('メールがまだ来てない'), 'メールがまだ来てない 届かない');
    assert.equal(kb.rewrite('返信が来ていなくて'), '返信が来ていなくて 届かない');
    assert.equal(kb.rewrite('できてない'), 'できてない');
    assert.equal(kb.rewrite('カラーで刷りたい'), 'カラーで刷りたい 印刷');
    assert.equal(kb.rewrite('印刷したい'), '印刷したい');
    assert.equal(kb.rewrite('留守の間は自動で返したい'), '留守の間は自動で返したい 自動応答');
    assert.equal(kb.rewrite('自動で返事が行くように'), '自動で返事 自動応答が行くように');
    assert.equal(kb.rewrite('電話を隣の内線に飛ばしたい'), '電話を隣の内線に飛ばしたい 転送');
    assert.equal(kb.rewrite('ページを飛ばして読む'), 'ページを飛ばして読む');
    assert.equal(kb.rewrite('IDを覚えてない'), 'idを忘れた');
    assert.equal(kb.rewrite('出来ない'), '出来ない');
    assert.equal(kb.rewrite('パスワードをミスったら入れなくなった'), 'パスワードをミスしたら入れなくなった');
    assert.equal(kb.rewrite('画面がフリーズっちゃった'), '画面がフリーズしちゃった');
    assert.equal(kb.rewrite('テザリングってしていいの'), 'テザリングってしていいの');
    assert.equal(kb.rewrite('よろしくおねがいします'), 'よろしくおねがいします');
  });

  it('reads なくなった after a verb stem as "no longer", not as lost; drops small talk first', () => {
    assert.equal(kb.rewrite('ネットがつながらなくなった'), 'ネットがつながらなく 接続できないなった');
    assert.equal(kb.rewrite('文書が見えなくなった'), '文書が見えなくなった');
    assert.equal(kb.rewrite('パソコンがなくなった'), 'パソコンが紛失した');
    assert.equal(kb.rewrite('スマホ無くなっちゃった'), 'スマホ紛失した');
    // Dropped somewhere is lost; dropped and broken is not.
    assert.equal(kb.rewrite('スマホどっかで落としちゃった'), 'スマホ紛失した');
    assert.equal(kb.rewrite('スマホを落として割った'), 'スマホを落として割った');
    // Kept longer is an extension.
    assert.equal(kb.rewrite('もうちょい使いたい'), 'もうちょい使いたい 延長');
    assert.equal(kb.rewrite('返却が間に合わない'), '返却が間に合わない 延長');
    assert.equal(kb.rewrite('お疲れ様です。今朝からパスワードを忘れた'), 'パスワードを忘れた');
  });

  it('adds the compound noun or loanword FAQs use for a clause (紙詰まり, インストール, 誤送信, コピペ)', () => {
    assert.equal(kb.rewrite('コピー機に紙がつまった'), 'コピー機に紙がつまった 紙詰まり');
    assert.equal(kb.rewrite('業務用のソフトを入れたい'), '業務用のソフトを入れたい インストール');
    assert.equal(kb.rewrite('家のpcにofficeいれたい'), '家のpcにofficeいれたい インストール');
    assert.equal(kb.rewrite('メールを違う人に送ってしまった'), 'メールを違う人に送ってしまった 誤送信');
    assert.equal(kb.rewrite('間違えて別の業者にメールで送った'), '間違えて別の業者にメールで送った 誤送信');
    assert.equal(kb.rewrite('コピペできない'), 'コピペ コピー 貼り付けできない');
    assert.equal(kb.rewrite('育休に入る'), '育休 育児休業に入る');
    assert.equal(kb.rewrite('添付がひらけない'), '添付がひらけない 開けない');
    assert.equal(kb.rewrite('認証がうまくいかない'), '認証がうまくいかない できない');
  });

  it('folds width and case', () => {
    assert.equal(kb.rewrite('ﾊﾟｽﾜｰﾄﾞ　ＰＣ'), 'パスワード pc');
  });

  it('withinOneEdit: insertion, deletion, substitution, adjacent swap', () => {
    assert.ok(withinOneEdit('さいいん', 'さいんいん'));
    assert.ok(withinOneEdit('てーむず', 'ちーむず'));
    assert.ok(withinOneEdit('ぱすわーど', 'ぱすーわど'));
    assert.ok(!withinOneEdit('ぱすわど', 'ぱすこーど'));
    assert.ok(!withinOneEdit('あいう', 'あいうえお'));
  });
});

describe('QueryNormalizer (kana slips, Latin product names, colloquial forms)', () => {
  const kb = new QueryNormalizer([
    'アカウントがロックされています',
    'OneDrive の容量は1TBです',
    'Wi-Fi に接続します',
    'パスワードをリセットします',
  ]);

  it('reads small and full-size kana alike, also inside a compound with a known word', () => {
    assert.equal(kb.rewrite('ロツク'), 'ロック');
    assert.equal(kb.rewrite('アカウントロツク'), 'アカウントロック');
    assert.equal(kb.rewrite('パスワードリセット'), 'パスワードリセット');
  });

  it('reads the IT vocabulary’s katakana for the KB’s products, and an acronym with two letters swapped', () => {
    const products = new QueryNormalizer(['Zoom・Webexなどの外部Web会議に参加したい。VPNの接続。PDFの編集。']);
    assert.equal(products.rewrite('ずーむ会議に出たい'), 'ズーム会議に出たい');
    assert.equal(products.rewrite('VNPにつなぐ'), 'vpnにつなぐ');
    assert.equal(products.rewrite('PFDを開く'), 'pdfを開く');
    // Not a swap of a KB word (PC is not in the KB), and known words stay.
    assert.equal(products.rewrite('CPを使う'), 'cpを使う');
    assert.equal(products.rewrite('VPNで'), 'vpnで');
  });

  it("knows the synonym list's katakana for words the KB writes in Latin letters, never for absent ones", () => {
    // The Latin word the katakana spells is added too (loanword-key.ts): the KB's text has no ワンドライブ.
    assert.equal(kb.rewrite('わんどらいぶ'), 'ワンドライブ onedrive');
    assert.equal(kb.rewrite('ワンドライプ'), 'ワンドライブ onedrive');
    assert.equal(kb.rewrite('わいふぁい'), 'ワイファイ');
    assert.equal(kb.rewrite('えくせる'), 'えくせる');
  });

  it('rewrites やる / やり方 and ら抜き forms, and adds the full word to everyday abbreviations', () => {
    assert.equal(kb.rewrite('変更ってどこからやるの'), '変更ってどこからするの');
    assert.equal(kb.rewrite('設定のやり方'), '設定の方法');
    assert.equal(kb.rewrite('メールが見れません'), 'メールが見られません');
    assert.equal(kb.rewrite('メアド変えたい'), 'メアド メールアドレス変えたい 変更');
  });
});

describe('QueryNormalizer: the KB kanji nouns typed in hiragana (readings by kuromoji)', () => {
  const texts = [
    'パスワードを再設定する手順。仮想ブラウザでログインする。会議室の予約。3層分離の仕組み。3階の窓口。',
    '機内モードにする。資料を公開する。送信して後悔した。',
    '交渉、公称、高尚、考証。ところで、ところが、ところ。所在地の所。',
  ];
  let kb: QueryNormalizer;
  before(async () => {
    const analyzer = await testAnalyzer();
    kb = new QueryNormalizer(texts, (text) => analyzer.nounReadings(text));
  });

  it('writes a noun or noun compound typed in hiragana as the KB writes it, beside katakana words', () => {
    assert.equal(kb.rewrite('さいせってい'), '再設定');
    assert.equal(kb.rewrite('ぱすわーどをさいせっていしたい'), 'パスワードを再設定したい');
    assert.equal(kb.rewrite('かそうぶらうざ'), '仮想ブラウザ');
    assert.equal(kb.rewrite('かいぎしつのよやく'), '会議室の予約');
    assert.equal(kb.rewrite('ぱすわーどさいせってい'), 'パスワード再設定');
    // A number 1–10 is read in a compound of three tokens only (さんかい could be 3回 as well).
    assert.equal(kb.rewrite('さんそうぶんり'), '3層分離');
    assert.equal(kb.rewrite('さんそうぶんりって何'), '3層分離って何');
    assert.equal(kb.rewrite('さんかいのまどぐち'), 'さんかいの窓口');
  });

  it('reads nouns written with okurigana whole (問い合わせ, 申し込み, 貸し出し, 真っ暗)', async () => {
    const analyzer = await testAnalyzer();
    const okurigana = new QueryNormalizer(
      ['問い合わせ先の一覧。申し込みの方法。機器の貸し出し期間。画面が真っ暗になる。'],
      (text) => analyzer.nounReadings(text),
    );
    assert.equal(okurigana.rewrite('といあわせさき'), '問い合わせ先');
    assert.equal(okurigana.rewrite('もうしこみのほうほう'), '申し込みの方法');
    assert.equal(okurigana.rewrite('かしだしきかん'), '貸し出し期間');
    assert.equal(okurigana.rewrite('がめんがまっくら'), '画面が真っ暗');
  });

  it('looks for a word after で, と, も, へ, や only in a run where a word was already read', () => {
    assert.equal(kb.rewrite('ぶらうざでさいせってい'), 'ブラウザで再設定');
    assert.equal(kb.rewrite('どうしたらいいでさいせってい'), 'どうしたらいいでさいせってい');
  });

  it('gives every surface of a reading shared by two or three, none of one shared by more', () => {
    assert.equal(kb.rewrite('しりょうをこうかいしたい'), '資料を公開したい 後悔');
    assert.equal(kb.rewrite('こうしょうしたい'), 'こうしょうしたい');
  });

  it('leaves ordinary hiragana and grammar alone (する forms, できる, kana-written nouns)', () => {
    assert.equal(kb.rewrite('ろぐいんしようとしたら'), 'ログインしようとしたら');
    assert.equal(kb.rewrite('いんさつできない'), 'いんさつできない');
    assert.equal(kb.rewrite('できないところがある'), 'できないところがある');
    assert.equal(kb.rewrite('よやくできないのでしてください'), '予約できないのでしてください');
    assert.equal(kb.rewrite('なにをすればいいですか'), 'なにをすればいいですか');
    assert.equal(kb.rewrite('会議室を予約したい'), '会議室を予約したい');
  });

  it('replaces a kanji noun the input method chose wrongly by the KB’s word (same reading, 4 kana or more)', async () => {
    const analyzer = await testAnalyzer();
    const printer = new QueryNormalizer(
      ['複合機で紙詰まりが起きた場合。メールボックスの容量が上限に達した。期間を延長する。'],
      (text) => analyzer.nounReadings(text),
    );
    // Kanji stretches are read without their okurigana: 髪詰 (かみつめ) is the KB's 紙詰.
    assert.equal(printer.rewrite('コピー機で髪詰まりした'), 'コピー機で紙詰まりした');
    assert.equal(printer.rewrite('共有ドライブの用量がもうない'), '共有ドライブの容量がもうない');
    // The KB's own words stay as typed; a three-kana reading (きかん: 期間, 機関) is too often another word.
    assert.equal(printer.rewrite('容量が上限に達した'), '容量が上限に達した');
    assert.equal(printer.rewrite('関係機関に連絡'), '関係機関に連絡');
  });

  it('replaces one kanji slipped to another of the same sound where it stands by the KB’s compound', async () => {
    const analyzer = await testAnalyzer();
    const kb = new QueryNormalizer(
      [
        'パソコンの電源が入らない。申請書を提出する。ファイルを削除した。会議室の予約。無害化の手順。学校名の変更。不具合を解消する。',
      ],
      (text) => analyzer.nounReadings(text),
      undefined,
      undefined,
      { readings: (surface) => analyzer.wordReadings(surface), cut: (text) => analyzer.cutWords(text) },
    );
    // kuromoji cuts the slip into kanji of their own and reads them otherwise (電原: でん + はら).
    assert.equal(kb.rewrite('パソコンの電原が入らない'), 'パソコンの電源が入らない');
    assert.equal(kb.rewrite('申精はどうするの'), '申請はどうするの');
    assert.equal(kb.rewrite('間違えて削徐した'), '間違えて削除した');
    assert.equal(kb.rewrite('会議質を予約したい'), '会議室を予約したい');
    // A sound of one kana must leave exactly a reading of the rest: 無害 + か, but not 学校 + い (がっこうめい).
    assert.equal(kb.rewrite('無害可の手順'), '無害化の手順');
    assert.equal(kb.rewrite('学校医に聞く'), '学校医に聞く');
    // Across words it is no slip: 毎回 + 消える is not 回消 (解消); the KB's own words stay as typed.
    assert.equal(kb.rewrite('毎回消える申請書'), '毎回消える申請書');
  });

  it('leaves a reading the KB writes in hiragana at least as often as in kanji', async () => {
    const analyzer = await testAnalyzer();
    const kana = new QueryNormalizer(['たまごを買う。たまごを割る。卵料理。'], (text) => analyzer.nounReadings(text));
    assert.equal(kana.rewrite('たまごりょうり'), '卵料理');
    assert.equal(kana.rewrite('たまご'), 'たまご');
    const kanji = new QueryNormalizer(['卵を買う。卵を割る。たまご。'], (text) => analyzer.nounReadings(text));
    assert.equal(kanji.rewrite('たまご'), '卵');
  });

  it('follows incremental updates like a rebuild', async () => {
    const analyzer = await testAnalyzer();
    const updated = new QueryNormalizer(texts, (text) => analyzer.nounReadings(text));
    updated.update([texts[0]], ['会議室を予約する。']);
    assert.equal(updated.rewrite('さいせってい'), 'さいせってい');
    assert.equal(updated.rewrite('かいぎしつのよやく'), '会議室の予約');
    assert.equal(
      updated.readingCount,
      new QueryNormalizer([texts[1], texts[2], '会議室を予約する。'], (text) => analyzer.nounReadings(text))
        .readingCount,
    );
  });
});

describe('QueryNormalizer: katakana slips that are no real word (kuromoji dictionary)', () => {
  const texts = [
    'パスワードを忘れた。サインインできない。プリンターの設定。ファイルをサーバーに保存する。',
    '機内モードにする。ファイルをアップロードする。ネットワークドライブの割り当て。ドライブが見えない。',
  ];
  let kb: QueryNormalizer;
  before(async () => {
    const analyzer = await testAnalyzer();
    kb = new QueryNormalizer(texts, undefined, (word) => analyzer.isWord(word));
  });

  it('corrects a voicing, small-kana or long-vowel slip beside one other edit (not a real word)', () => {
    assert.equal(kb.rewrite('パスコートを忘れた'), 'パスワードを忘れた');
    assert.equal(kb.rewrite('サイインできない'), 'サインインできない');
    assert.equal(kb.rewrite('フアイルを保存'), 'ファイルを保存');
    assert.equal(kb.rewrite('プリンタ―の設定'), 'プリンタの設定');
    assert.equal(kb.rewrite('サーバーに保存'), 'サーバに保存');
    assert.equal(kb.rewrite('アップロートしたい'), 'アップロードしたい');
  });

  it('leaves real words the KB lacks, and KB words, as typed', () => {
    assert.equal(kb.rewrite('リモート'), 'リモート');
    assert.equal(kb.rewrite('アップデート'), 'アップデート');
    assert.equal(kb.rewrite('モード'), 'モード');
    assert.equal(kb.rewrite('コート'), 'コート');
    assert.equal(kb.rewrite('ドライブ'), 'ドライブ');
    // ドライバー is one letter from ドライブ once normalizeText drops its trailing ー.
    assert.equal(kb.rewrite('ドライバー'), 'ドライバ');
  });

  it('needs one clearly nearest word, and without a dictionary only one-edit slips', async () => {
    const analyzer = await testAnalyzer();
    const two = new QueryNormalizer(['パスワード。パスカード。'], undefined, (word) => analyzer.isWord(word));
    assert.equal(two.rewrite('パスコート'), 'パスコート');
    const plain = new QueryNormalizer(texts);
    assert.equal(plain.rewrite('パスコート'), 'パスコート');
    assert.equal(plain.rewrite('サイイン'), 'サインイン');
    assert.equal(plain.rewrite('ドライバー'), 'ドライブ');
  });

  it('slipCost: voicing marks, small kana and long-vowel marks cost a quarter', () => {
    assert.equal(slipCost('ぱすこーと', 'ぱすわーど'), 1.25);
    assert.equal(slipCost('ふあいる', 'ふぁいる'), 0.25);
    assert.equal(slipCost('さーば', 'さば'), 0.25);
    assert.equal(slipCost('りもーと', 'もーど'), 1.25);
    assert.equal(slipCost('あいう', 'あいう'), 0);
    assert.equal(slipCost('ぱすわーど', 'ぱすーわど'), 0.5);
    assert.equal(slipCost('ぱすこーと', 'ぱすかーど'), 1.25);
  });
});
