import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 31's rules found by the forty-first blind batch (test/fixtures/pii/blind-41.jsonl); invented examples. */
describe('privacy: numbers read aloud, halves of names, residents’ languages, dwellings after romanised addresses (session 31)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks a dwelling and its room after a romanised address’s block number, not a year after it', () => {
    assert.equal(mask('Moro em Kita-shi Sakaemachi 2-8-3, Casa Azul 204. Obrigado'), 'Moro em ［住所］. Obrigado');
    assert.equal(mask('Address: Aoi-shi Honcho 1-2-3, since 2019.'), 'Address: ［住所］, since 2019.');
  });

  it('takes no number read aloud in hiragana for a name before さん, but keeps a short name before さん', () => {
    assert.equal(mask('（音声入力）ばんごう は に ぜろ さん よん'), '（音声入力）ばんごう は に ぜろ さん よん');
    assert.equal(mask('（音声入力）みなみまち さんちょうめ です'), '（音声入力）みなみまち さんちょうめ です');
    assert.equal(mask('（音声入力）だいさん かいぎしつ で'), '（音声入力）だいさん かいぎしつ で');
    assert.equal(mask('なな さんに渡す'), '［氏名］ さんに渡す');
    assert.equal(mask('にし さんから連絡'), '［氏名］ さんから連絡');
  });

  it('masks a Hepburn family name after an initial when Japanese text follows, not a short place word', () => {
    assert.equal(mask('引継ぎ：T. Hoshikawa へ資料を送付'), '引継ぎ：［氏名］ へ資料を送付');
    assert.equal(mask('Plan B. Kobe 経由で移動'), 'Plan B. Kobe 経由で移動');
  });

  it('joins the other half of a name found by one half, not a state, a post or a section', () => {
    assert.equal(mask('主査 桐谷 陽翔\n以上'), '主査 ［氏名］\n以上');
    assert.equal(mask('対象者 鳳 ミツ 様'), '対象者 ［氏名］様');
    assert.equal(mask('主査 桐谷 対応中。'), '主査 ［氏名］ 対応中。');
    assert.equal(mask('総務課 ハナ様'), '総務課 ［氏名］様');
  });

  it('takes no bank nor a form’s field and its value for a name, but masks the name beside them', () => {
    assert.equal(
      mask('納税義務者 河内谷 実、振替口座 みらい銀行 東口支店 普通 4410927'),
      '納税義務者 ［氏名］、振替口座 みらい銀行 東口支店 普通 ［口座番号］',
    );
    assert.equal(mask('氏名 山田 花子、国籍 日本'), '氏名 ［氏名］、国籍 日本');
  });

  it('masks Korean and Nepali names by a bare label or a relation, not a question', () => {
    assert.equal(mask('예금주 박민수, 은행 창구'), '예금주 ［氏名］, 은행 창구');
    assert.equal(mask('मेरो श्रीमती सुनिता राई को फोन'), 'मेरो श्रीमती ［氏名］ को फोन');
    assert.equal(mask('मेरो नाम के हो?'), 'मेरो नाम के हो?');
  });

  it('masks an account number after its label in residents’ languages, not a number far from it', () => {
    assert.equal(
      mask('환급금 입금 계좌는 계좌번호 3301927 로 보내 주세요'),
      '환급금 입금 계좌는 계좌번호 ［口座番号］ 로 보내 주세요',
    );
    assert.equal(mask('mi número de cuenta es 2231908 (Banco X)'), 'mi número de cuenta es ［口座番号］ (Banco X)');
    assert.equal(mask('número de cuenta: ver abajo, ticket 2231908'), 'número de cuenta: ver abajo, ticket 2231908');
  });

  it('masks a birth date told in Portuguese, Tagalog or Korean, not another Korean date', () => {
    assert.equal(
      mask('Meu filho Rafael Sato nasceu em 12 de julho de 2020.'),
      'Meu filho ［氏名］ nasceu em ［生年月日］.',
    );
    assert.equal(mask('Ipinanganak noong Hunyo 5, 2017 ang anak ko.'), 'Ipinanganak noong ［生年月日］ ang anak ko.');
    assert.equal(mask('생년월일 1988년 7월 3일'), '생년월일 ［生年月日］');
    assert.equal(mask('2024년 3월 1일에 이사했습니다'), '2024년 3월 1일에 이사했습니다');
  });

  it('masks a name under JSON keys family / nameKanji, not a product family', () => {
    assert.equal(
      mask('{"nameKanji":"浅葱 奏","name":{"family":"浅葱","given":"奏"}}'),
      '{"nameKanji":"［氏名］","name":{"family":"［氏名］","given":"［氏名］"}}',
    );
    assert.equal(mask('{"os":{"family":"Windows"}}'), '{"os":{"family":"Windows"}}');
  });
});
