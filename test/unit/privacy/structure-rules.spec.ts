import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 12's rules: personal data found through what was found, or through the text's shape. */
describe('privacy: readings, rosters, names in other scripts, broken numbers', () => {
  let masker: PiiMasker;
  before(async () => {
    // As in the app: the regex detectors plus kuromoji's person-name tagger.
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks a name’s reading and birth date in brackets after it', () => {
    assert.equal(mask('上田 あゆみ（うえだ あゆみ）様の件'), '［氏名］（［氏名］）様の件');
    assert.equal(mask('受給者 大谷 涼子 さん（H2/9/18）の世帯'), '受給者 ［氏名］さん（［生年月日］）の世帯');
    assert.equal(
      mask('市民 大塚 和夫（オオツカ カズオ、S23.2.11生）の履歴'),
      '市民 ［氏名］（［氏名］、［生年月日］生）の履歴',
    );
    // A bracket after something that is no name stays.
    assert.equal(mask('プリンター（ぷりんたー）の設定'), 'プリンター（ぷりんたー）の設定');
  });

  it('masks the columns a pasted roster’s header names, and only those', () => {
    const text = '番号,姓,名,姓カナ,名カナ,生年月日,所属\n1024,田中,太郎,タナカ,タロウ,1980/05/14,市民課';
    assert.equal(
      mask(text),
      '番号,姓,名,姓カナ,名カナ,生年月日,所属\n1024,［氏名］,［氏名］,［氏名］,［氏名］,［生年月日］,市民課',
    );
    // No personal-data header: an inventory stays as it is.
    const inventory = 'PC名,IPアドレス,設置場所\nNMZ-PC-0012,10.1.2.3,本庁舎3階';
    assert.equal(mask(inventory), inventory);
  });

  it('without a header, a column holding a name holds names in the other rows, readings beside them', () => {
    assert.equal(
      mask('R-0415\t中島 里美\tナカジマ サトミ\t保健センター\nR-0416\t大川 稔\tオオカワ ミノル\t保健センター'),
      'R-0415\t［氏名］\t［氏名］\t保健センター\nR-0416\t［氏名］\t［氏名］\t保健センター',
    );
  });

  it('masks names in Latin letters without an honorific, not products, companies or IT words', () => {
    assert.equal(mask('旅券の SUZUKI HANAKO が二重登録'), '旅券の ［氏名］ が二重登録');
    assert.equal(mask('SATO/TAKESHI の形式'), '［氏名］ の形式');
    assert.equal(mask('Name: Maria SANTOS / 窓口'), 'Name: ［氏名］ / 窓口');
    for (const text of ['HTTP ERROR 404 が出ます', 'Windows Update の失敗', 'Yamada Denki で購入', 'Suzuki Motor'])
      assert.equal(mask(text), text);
  });

  it('masks hiragana names before an honorific and the writer’s own name, not kin words or quoted products', () => {
    assert.equal(mask('窓口で やまだ みく さん の件'), '窓口で ［氏名］ さん の件');
    assert.equal(mask('会計年度任用職員のゆいちゃんのPC'), '会計年度任用職員の［氏名］ちゃんのPC');
    assert.equal(mask('「私は たかはし みゆき です」'), '「私は ［氏名］ です」');
    assert.equal(mask('「木村 さくら」名義の口座振替'), '「［氏名］」名義の口座振替');
    assert.equal(mask('おばあちゃんの家のWi-Fi'), 'おばあちゃんの家のWi-Fi');
    assert.equal(mask('ソフト「あてなくん」のバージョン'), 'ソフト「あてなくん」のバージョン');
  });

  it('masks family names kuromoji reads as places where only a person fits, not places', () => {
    assert.equal(mask('課長補佐 谷口、係長 宮崎 の2名分'), '課長補佐 ［氏名］、係長 ［氏名］ の2名分');
    assert.equal(mask('福井主任から言われました'), '［氏名］主任から言われました');
    assert.equal(mask('承認者：長野\n代理：福井'), '承認者：［氏名］\n代理：［氏名］');
    assert.equal(mask('福祉課の服部です。'), '福祉課の［氏名］です。');
    for (const text of ['沼津市長の挨拶', '小田・大庄・立花・武庫・園田の各支所', '福井県の共同調達システム'])
      assert.equal(mask(text), text);
  });

  it('reads numbers broken over lines, a my number only after its label', () => {
    assert.equal(mask('カード番号\n5203 8411\n7629 0543\nのように'), 'カード番号\n［カード番号］\nのように');
    assert.equal(mask('マイナンバー欄に\n4829\n1736\n5521\nと入力'), 'マイナンバー欄に\n［マイナンバー］\nと入力');
    // Three 4-digit 内線 numbers on their lines are no my number, whatever their check digit.
    assert.equal(mask('内線\n4829\n1736\n5521'), '内線\n4829\n1736\n5521');
    assert.equal(mask('例：080-\n3456-7891）'), '例：［電話番号］）');
  });

  it('addresses: kanji lot numbers, 番地の4, the building and room after them', () => {
    assert.equal(mask('転居先 沼津市本町三丁目五番地 です'), '転居先 ［住所］ です');
    assert.equal(mask('あおば市中央2丁目8番地の4 が'), '［住所］ が');
    assert.equal(mask('東京都中野区中野4-11-2 サンハイツ中野 305号室 と入れる'), '［住所］ と入れる');
    assert.equal(mask('沼津市で一番早い回線'), '沼津市で一番早い回線');
  });

  it('leaves product codes and mail-system senders, keeps further values after the first', () => {
    assert.equal(mask('JANコード 4901234567894 の備品'), 'JANコード 4901234567894 の備品');
    assert.equal(mask('送信元 noreply@example.lg.jp の通知'), '送信元 noreply@example.lg.jp の通知');
    assert.equal(
      mask('基礎年金番号が 5012-384729 と 5012-384792 の2つ'),
      '基礎年金番号が ［基礎年金番号］ と ［基礎年金番号］ の2つ',
    );
    assert.equal(
      mask('国保の資格画面で、記号 7301 番号 2845 の世帯'),
      '国保の資格画面で、記号 ［保険者番号］ 番号 ［保険者番号］ の世帯',
    );
  });
});
