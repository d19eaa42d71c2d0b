import { strict as assert } from 'node:assert';
import { katakanaKey, latinKey, LoanwordIndex } from '../../../knowledge/loanword-key';
import { QueryNormalizer } from '../../../knowledge/query-normalizer';

describe('loanword keys (names typed in katakana, written in Latin letters)', () => {
  it('gives a katakana spelling and its English word one key', () => {
    const pairs: [string, string][] = [
      ['マトラボ', 'matlab'],
      ['アクロバット', 'acrobat'],
      ['ウェベックス', 'webex'],
      ['チームズ', 'teams'],
      ['ウィンドウズ', 'windows'],
      ['アウトルック', 'outlook'],
      ['ワンドライブ', 'onedrive'],
      ['パワーポイント', 'powerpoint'],
      ['プリンター', 'printer'],
      ['クローム', 'chrome'],
      ['ドロップボックス', 'dropbox'],
      ['コパイロット', 'copilot'],
      ['ファイアウォール', 'firewall'],
    ];
    for (const [kana, latin] of pairs) assert.equal(katakanaKey(kana), latinKey(latin), `${kana} / ${latin}`);
    // A word that opens with a vowel or w differs from one that opens with a consonant.
    assert.notEqual(katakanaKey('ボックス'), latinKey('webex'));
    assert.equal(latinKey('Mat-lab'), undefined);
  });

  it('names a Latin word only when one word of the knowledge base has the key, four letters or more', () => {
    const index = new LoanwordIndex();
    index.rebuild(['matlab', 'acrobat', 'zoom', 'webex', 'wbox']);
    assert.equal(index.spelledBy('マトラボ'), 'matlab');
    assert.equal(index.spelledBy('アクロバット'), 'acrobat');
    // Two consonants are too few (ズーム), and webex / wbox share theirs.
    assert.equal(index.spelledBy('ズーム'), undefined);
    assert.equal(index.spelledBy('ウェベックス'), undefined);
  });

  it('adds the Latin word to a question that types it in katakana, not when the KB has the katakana word', () => {
    const kb = new QueryNormalizer(['MATLABのインストール方法。Adobe Acrobatの申請。'], undefined, undefined);
    assert.equal(kb.rewrite('マトラボを自宅のPCに入れたい'), 'マトラボを自宅のpcに入れたい matlab');
    assert.equal(kb.rewrite('アクロバットの申請'), 'アクロバットの申請 acrobat');
    // Typed in hiragana (the input mode not switched): four consonants at least, up to a particle; the name in place
    // of the kana, not known katakana words pieced together from them (マイク + ろ + ソフト).
    const invented = new QueryNormalizer(['Sorapadのインストール方法。']);
    assert.equal(invented.rewrite('そらぱっどを入れたい'), 'sorapad を入れたい');
    const vendor = new QueryNormalizer(['Microsoft 365 にサインインする。マイクの設定。ソフトの申請。']);
    assert.equal(vendor.rewrite('まいくろそふと'), 'microsoft ');
    assert.equal(vendor.rewrite('まいくろそふとにはどのIDで入るの'), 'microsoft にはどのidで入るの');
    // The katakana a one-way rule reads (ティームズ → Teams), typed in hiragana.
    const teams = new QueryNormalizer(['Teamsで会議を開く。']);
    assert.equal(teams.rewrite('てぃーむずで会議'), 'ティームズで会議 teams');
    assert.equal(invented.rewrite('ソラパッドを入れたい'), 'ソラパッドを入れたい sorapad');
    assert.equal(kb.rewrite('あくろばっとの申請'), 'アクロバットの申請 acrobat');
    const tokens = new QueryNormalizer(['tokenの取得。']);
    assert.equal(tokens.rewrite('できないです'), 'できないです');
    const both = new QueryNormalizer(['MATLAB（マトラボ）のインストール方法。']);
    assert.equal(both.rewrite('マトラボを入れたい'), 'マトラボを入れたい');
  });

  it('reads a name of two Latin words typed as one hiragana run, each half a word of the knowledge base', () => {
    const kb = new QueryNormalizer(['Windows Updateが終わりません。Zoomの招待。']);
    assert.equal(
      kb.rewrite('うぃんどうずあっぷでーとが終わらない'),
      'うぃんどうずあっぷでーとが終わらない windows update',
    );
    // One half alone (two consonants) names nothing; fewer than five consonants in all are no pair.
    assert.equal(kb.rewrite('あっぷでーとが終わらない'), 'あっぷでーとが終わらない');
    const short = new QueryNormalizer(['Navi Updateの案内。']);
    assert.equal(short.rewrite('なびあっぷでーとの案内'), 'なびあっぷでーとの案内');
  });
});
