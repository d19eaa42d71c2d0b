import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 30's rules found by the thirty-seventh blind batch (test/fixtures/pii/blind-37.jsonl) and the thirty-fifth. */
describe('privacy: names on English and foreign-language forms (session 30)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks relatives and payees after their label, and a form’s field in capitals with its value', () => {
    assert.equal(mask('Father: Ram Bahadur Thapa, mobile 080-1111-2222'), 'Father: ［氏名］, mobile ［電話番号］');
    assert.equal(
      mask('Beneficiary: Emma Louise Carter / Ordinary 1234567'),
      'Beneficiary: ［氏名］ / Ordinary ［口座番号］',
    );
    assert.equal(mask('APPLICANT  Tran Thi Bich Ngoc\nTEL  090-3333-4444'), 'APPLICANT  ［氏名］\nTEL  ［電話番号］');
    assert.equal(mask('Name (as in passport): O’MALLEY, Aoife Claire'), 'Name (as in passport): ［氏名］');
    // One word only when it is a given name.
    assert.equal(mask('Father: Unknown'), 'Father: Unknown');
  });

  it('masks Vietnamese names by their middle name and family-first romaji before a given name', () => {
    assert.equal(mask('Resident Do Thi Hong Nhung called.'), 'Resident ［氏名］ called.');
    assert.equal(mask('Morikawa Yui from 子育て支援課 is locked out.'), '［氏名］ from 子育て支援課 is locked out.');
    // A building or a place is no name (Kopo Sakura 102, Sakura Station).
    assert.equal(mask('Address: Kopo Sakura 102'), 'Address: Kopo Sakura 102');
  });

  it('masks listed family names as mentions, bracketed speakers, maiden names and after 担当', () => {
    assert.equal(mask('@Watanabe please call back'), '@［氏名］ please call back');
    assert.equal(mask('14:03 [Sakamoto] yes, it is in the folder'), '14:03 [［氏名］] yes, it is in the folder');
    assert.equal(mask('Ms. Aiko Bernard (née Fujita)'), 'Ms. ［氏名］ (née ［氏名］)');
    assert.equal(mask('FAX 06-6344-2710, 担当 Hirano'), 'FAX ［電話番号］, 担当 ［氏名］');
  });

  it('masks a writer’s name typed in lower case, and a given name that is a word where only a name can stand', () => {
    assert.equal(mask('hey its jake, new phone lol'), 'hey its ［氏名］, new phone lol');
    assert.equal(
      mask('Hi Yamada-san, Will here from the ALT office.'),
      'Hi ［氏名］, ［氏名］ here from the ALT office.',
    );
    assert.equal(
      mask('Thanks for the update.\nCheers,\nWill (ALT coordinator)'),
      'Thanks for the update.\nCheers,\n［氏名］ (ALT coordinator)',
    );
    // The modal verb stays.
    assert.equal(mask('Will you check the VPN?'), 'Will you check the VPN?');
  });

  it('masks relatives named after the word, a name before its birth date or its e-mail after a sign-off', () => {
    assert.equal(mask('His wife Maria also helps.'), 'His wife ［氏名］ also helps.');
    assert.equal(mask('Her husband (Paolo Bianchi) called.'), 'Her husband (［氏名］) called.');
    assert.equal(mask('My son is Tomas Novak, born 2015-04-02.'), 'My son is ［氏名］, born ［生年月日］.');
    assert.equal(mask('Regards, Carla Mendes, carla.m@example.com'), 'Regards, ［氏名］, ［メールアドレス］');
  });

  it('reads letters with diacritics as their base letter, and a country code makes twelve digits a phone', () => {
    assert.equal(mask('Llamada de la Sra. Lucía Benítez Arriaga.'), 'Llamada de la Sra. ［氏名］.');
    assert.equal(mask('TW mobile +886 912 345 678'), 'TW mobile ［電話番号］');
  });

  it('masks accounts, birth dates and passports said the way residents write them', () => {
    assert.equal(mask('account (Yucho 10140-28841931)'), 'account (Yucho ［口座番号］)');
    assert.equal(mask('nascimento 17/09/1981'), 'nascimento ［生年月日］');
    assert.equal(mask('passaporte brasileiro FT582013'), 'passaporte brasileiro ［旅券番号］');
  });

  it('reads English roster headers and quoted CSV cells with a comma, and leaves samples and countries alone', () => {
    assert.equal(
      mask('id,name,guardian,phone\n1,"DELA ROSA, Mario","DELA ROSA, Ana",090-5555-6666'),
      'id,name,guardian,phone\n1,"［氏名］","［氏名］",［電話番号］',
    );
    assert.equal(mask('氏名(英字)\t国籍\nGURUNG ANIL\tNepal'), '氏名(英字)\t国籍\n［氏名］\tNepal');
    assert.equal(
      mask('記入例 / Sample entry: Name: Taro Yamada, Address: 1-1-1 Kasumigaseki, Chiyoda-ku, Tokyo'),
      '記入例 / Sample entry: Name: Taro Yamada, Address: 1-1-1 Kasumigaseki, Chiyoda-ku, Tokyo',
    );
    assert.equal(mask('Dear Principal, my son is sick.'), 'Dear Principal, my son is sick.');
    assert.equal(
      mask('実習生 Nguyen Van Hai（ベトナム）、携帯 070-1234-5678'),
      '実習生 ［氏名］（ベトナム）、携帯 ［電話番号］',
    );
  });

  it('masks names said in residents’ languages and scripts, and names with initials or relations (batch 38)', () => {
    assert.equal(mask('Prezados, meu nome é Paulo Souza Lima. Obrigado.'), 'Prezados, meu nome é ［氏名］. Obrigado.');
    assert.equal(mask('Hello po, I’m Ma. Teresa Ramos. I lost my card.'), 'Hello po, I’m ［氏名］. I lost my card.');
    assert.equal(mask('The form is fine now. — Arun'), 'The form is fine now. — ［氏名］');
    assert.equal(mask('Contact: +63 917 000 1234 (Lorna Reyes, sister)'), 'Contact: ［電話番号］ (［氏名］, sister)');
    assert.equal(mask('Dengan hormat, saya Budi Santoso Putra.'), 'Dengan hormat, saya ［氏名］.');
    assert.equal(mask('你好，我叫李娜，手机 080-1234-5678'), '你好，我叫［氏名］，手机 ［電話番号］');
    assert.equal(mask('이서연 (Lee Seoyeon) 님 전입신고 처리 완료.'), '［氏名］ (［氏名］) 님 전입신고 처리 완료.');
    assert.equal(mask('ネパール出身のタパ・ビカスと申します。'), 'ネパール出身の［氏名］と申します。');
    assert.equal(mask('entered under escort by Nakagawa.'), 'entered under escort by ［氏名］.');
    assert.equal(
      mask('Yucho Bank, symbol 12140, number 38827461'),
      'Yucho Bank, symbol ［口座番号］, number ［口座番号］',
    );
    assert.equal(mask('Please call Daniel K. Whitmore today.'), 'Please call ［氏名］ today.');
    assert.equal(mask('Holder: LI WEI(中国)'), 'Holder: ［氏名］(中国)');
  });
});
