import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 31: a frequent family name written last is a name's evidence; a building's room after a romanised address. */
describe('privacy: Latin names by their family name, romanised addresses with a room (session 31)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks a name whose given name is a word or unlisted, by its family name', () => {
    assert.equal(mask('yes, Grant Wilson sent it last night'), 'yes, ［氏名］ sent it last night');
    assert.equal(mask('Will Harper (new ALT) will join on May 8.'), '［氏名］ (new ALT) will join on May 8.');
    assert.equal(mask('candidate: Rina Wulandari, passport pending'), 'candidate: ［氏名］, passport pending');
    assert.equal(mask('received — Bernadette Cruz Villanueva. Thanks'), 'received — ［氏名］. Thanks');
    assert.equal(mask('交付: REYES ANGELICA MAE、窓口にて'), '交付: ［氏名］、窓口にて');
  });

  it('leaves greetings, titles alone and places before a family name', () => {
    assert.equal(mask('Santa Cruz office and Microsoft Teams'), 'Santa Cruz office and Microsoft Teams');
    assert.equal(mask('The Wilson report is ready.'), 'The Wilson report is ready.');
  });

  it('masks a romanised address with the room number after its building', () => {
    assert.equal(mask('Home: 3-14-9 Shiba, Kawaguchi-shi, Saitama, Corpo Shiba 201'), 'Home: ［住所］');
    assert.equal(mask('at 5-7-2 Sakae-cho, Minamisato-shi, Kanagawa, Heights Sakae 3F; phone'), 'at ［住所］; phone');
    assert.equal(mask('2-14-7 Kamiosaki, Shinagawa-ku, Tokyo 141-0021'), '［住所］ ［郵便番号］');
  });
});
