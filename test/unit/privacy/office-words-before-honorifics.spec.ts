import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/**
 * Session 24: questions of the QA sets the app masked before searching them — kinds of staff and trades before さん,
 * a verb's く before the explanatory ん, the adverb ちゃんと — kept as typed, while the names next to them are masked.
 */
describe('privacy: office words before an honorific, and sentences after a label, are no names', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('keeps kinds of staff, trades and sections before さん', () => {
    for (const text of [
      '来月から来るパートさんのIDを用意してもらうには？',
      '6月から来る非常勤さんのID、着任の何日前までに頼めばいい？',
      'パートの会計年度さんが2名うちの係に来ます',
      'ことばブリッジで通訳さんに接続できません。',
      '一部のママさんにだけ届いてないっぽい',
      'ほごしゃさんが連絡帳のあぷりのぱすわーど忘れたって',
      '外のコンサルさんにリンクで見てもらうことってできる？',
      '農協さんから送ったと言われた連絡が見当たりません',
      '総務さんに聞いたら情報政策課だと言われた',
    ])
      assert.equal(mask(text), text);
  });

  it('keeps a verb before んだ / んです and the adverb ちゃんと', () => {
    for (const text of [
      'ログインIDの頭に何か付くんだっけ',
      '職員番号の前に何の文字がつくんだっけ？',
      '件名に[外部]って勝手に付くんですか？',
      '方言でもちゃんと聞き取ってくれるの？',
      '送ったけどちゃんと届いたか分からない',
    ])
      assert.equal(mask(text), text);
  });

  it('keeps a sentence after 氏名は / 氏名が that goes on as a verb', () => {
    for (const text of [
      '選手の氏名は載せず、所属団体名だけを掲載します',
      '人事システムの氏名が更新されると、表示名も変わります',
    ])
      assert.equal(mask(text), text);
    assert.equal(mask('氏名：山田はると'), '氏名：［氏名］');
  });

  it('still masks the names beside them', () => {
    assert.equal(mask('パートの山田さんのIDを作りたい'), 'パートの［氏名］さんのIDを作りたい');
    assert.equal(mask('通訳の木村 さくらさんに接続できません'), '通訳の［氏名］さんに接続できません');
    assert.equal(mask('ゆいちゃんのお迎え'), '［氏名］ちゃんのお迎え');
    assert.equal(mask('担当は翔くんです'), '担当は［氏名］くんです');
  });
});
