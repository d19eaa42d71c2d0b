import { assertBatch } from './blind-batch';

describe('privacy: blind batches of session 31 (written by helpers who read neither the detectors nor the dev set)', () => {
  it('the thirty-ninth (session 31, handover notes, minutes, quoted mail, chat transcripts, registers, logs, residents’ forms in six languages: a held-out check): 150 cases — recall 379 / 396 at precision 375 / 379', async () => {
    // Written blind (53 hard negatives: ticket and asset numbers, IPs, product names that look like names, rooms named
    // さくら). First run with session 30's code: recall 0.836 (331 / 396) at precision 0.977 (335 / 343); with the
    // session's Latin family names the same recall (one more item masked right). Fixed by general rules
    // (session31-rules.spec.ts): an e-mail address with (at) spelt out, Postcode / ZIP / 우편번호 labels, a card in
    // dotted groups after its name, other scripts' digits (०८०), a Korean 010 mobile in a Korean text; birth dates
    // with the day spelt out (the fifteenth of August), the months of Spanish, Portuguese, Tagalog and Indonesian,
    // kaarawan / 생년월일 / うまれ, hiragana eras (しょうわ14ねん 3がつ 2日), 年の, the same date in another calendar in
    // brackets or day-month either way, a value after an arrow on the label's line; a Python dict's quoted keys;
    // 여권 and No. in a text about a passport; residents' address labels (Endereço, Tirahan, Dia chi, 주소 …),
    // 使用場所, 住所は, the building after a labelled town, Apt after a romanised address, Korean road addresses, and
    // no address for a neighbourhood named with a park or shelter; なまえ / 氏名（カタカナ） / 在留カード labels,
    // Hangul and Devanagari names after 성명 / नाम or before 입니다; a name's other script after a slash, in brackets
    // or (for a foreign name) on the next line; a tagged full name over a given name found with its space; a title's
    // dot and offices in an attendee list.
    // Session 32: a name in capitals with a hyphen taken whole (CHEN WEI-LUN).
    // Session 33: a Portuguese full name after Nome completo: taken whole.
    // Session 36 (fifty-fourth batch's rules): two more names found whole (大野 トミ, 川口 優斗), no false positive more.
    await assertBatch('blind-39.jsonl', 150, [396, 379, 379, 375]);
  });

  it('the fortieth (session 31, an everyday mix — relayed residents’ records, phone memos, half-width kana, Excel / PDF / 住基 screen copies, rare family names, English from ALTs): 150 cases — recall 231 / 235 at precision 231 / 232', async () => {
    // Written blind after the thirty-ninth's rules (53 hard negatives). First sight [235, 207, 221, 212]: recall 0.881 (207 / 235) at
    // precision 0.959 (212 / 221); session 30's code 0.877 / 0.959. Fixed by general rules (session31-everyday.spec.ts):
    // old kanji forms and ノ inside a kanji name read as today's (上條, 安齋, 宮ノ下, 一ノ瀬, 池ノ内); a rare family name of
    // the listed names' kanji introduced between spaces after a section; hiragana first names after a section or a
    // greeting; a listed family name joined to a hiragana given name before an honorific; a quoted display name with an
    // emoji; full names after 対象 / 借用者, on a signature's line under the office, as （漢字：…） after a reading, in
    // kanji after a Latin name before an honorific; katakana names of four parts; a form's screen of label⇥value rows
    // read by its labels (no header, no name column: 性別⇥女 is no name); a header-less row with a nationality code
    // (name, passport, birth date); a pension number's shape in English about a pension; a date before の人 in a text about
    // birth dates; a number found once masked where it is said again; buildings named with が (緑が丘) and spaced
    // dashes (4 - 6 - 1) in addresses; … City in romanised addresses; not personal: a form's 見本 values, a number shown
    // as what a format is like, words of a half-width sentence, an owner's building (鈴木ビル), a document number's
    // prefix (青総第1234号), Hi IT / HR. Left: staff extensions labelled as phones (2318, 4127, 3316 — four-digit 内線
    // stay unmasked on purpose), 伊集院 颯太 after 借用者 (院 ends hospitals' names), a branch number 店番 214 masked as
    // an account (other batches label it one).
    await assertBatch('blind-40.jsonl', 150, [235, 231, 232, 231]);
  });

  it('the forty-first (session 31, operators’ notes, work logs, lending records, residents’ consultations, nine languages, voice dictation, OCR, JSON / CSV): 150 cases — recall 240 / 252 at precision 242 / 244', async () => {
    // Written blind after the fortieth's rules (52 hard negatives). First sight [252, 206, 227, 217]: recall 0.817
    // (206 / 252) at precision 0.956 (217 / 227); session 30's code 0.770 / 0.953. Fixed by general rules
    // (session31-held-out.spec.ts): a dwelling and its room after a romanised address's block number (…, 1-4-7, Casa
    // Verde 101; ky tuc xa … phong 12); hiragana numbers read aloud are no name before さん (いち ぜろ さん, だいさん,
    // … さんちょうめ); a Hepburn family name after an initial before Japanese text (K. Tominaga 退職); the other half of a
    // name found by one half (主事 楢崎 颯太, 本人 曽我部 ハツ 様); Korean 이름 / 예금주 without a colon and Nepali मेरो नाम
    // … हो / मेरो छोरा … को; account numbers after 계좌번호 / número de cuenta; birth dates told (nasceu em, ipinanganak
    // noong) and in Korean (1996년 2월 11일); Portuguese and Spanish relatives (minha filha …); JSON keys family /
    // nameKanji; not names: a bank or an account (振替口座 みらい銀行), a form's field and a short value (国籍 英国).
    // Left: letter-spaced OCR names (桐 生  一 馬) and numbers, a pipe-separated list without a header, numbers and dates
    // read aloud in kana words (よん なな …, しょうわ にじゅうろくねん), kanji-numeral phones joined by の, addresses in
    // Chinese or Hangul with a building, names after 作業者 / 児童 / 返却者 of rare family names, Latin names of three
    // parts not on a list (Valeria Quispe Mamani), an 8-digit Nepali passport, a pension number in Vietnamese, a
    // signature name after "-- ", place names before 各事務組合 (松本・加賀), 金 額 in letter-spaced OCR.
    // Session 32: dates said in kana words (しょうわ にじゅうろくねん くがつ みっか), an address said in hiragana, a card's
    // number read aloud with さん among its digits, a phone's groups in kanji numerals joined by の inside a word.
    // Session 33: a My Number read one digit a word found.
    // Session 34 (forty-eighth batch): letters set apart on a scanned invoice's line are no name (合 計 金 額).
    // Session 34 (fiftieth batch): a scanned form's label spaced out as widely as its value (申 請 者 氏 名, 氏 名).
    // Session 36 (batch 53's rules): an insurance card's 記号 in kana (あ お い) no longer hides its 番号; a pension number in a Vietnamese text about the pension (lương hưu).
    // Session 36 (fifty-fourth batch's rules): one more name found whole (水無瀬 陽葵).
    // Session 37 (fifty-sixth batch's rules): the Nepali word for passport (राहदानी नम्बर) labels its 8 digits.
    await assertBatch('blind-41.jsonl', 150, [252, 240, 244, 242]);
  });
});
