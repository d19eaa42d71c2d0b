import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';
import { assertBatch } from './blind-batch';
import { evalCommand } from '../../../adapters/cli/eval-command';

describe('privacy: the dev set', () => {
  it('has at least 300 cases with positives of every type and IT-text negatives', async () => {
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii/dev.jsonl'));
    assert.ok(cases.length >= 300);
    assert.ok(cases.filter((c) => c.pii.length === 0).length >= 100);
    // As in the app: the regex detectors plus kuromoji's person-name tagger.
    const evaluation = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(Object.keys(evaluation.perType).length, 13);
    for (const [type, s] of Object.entries(evaluation.perType)) {
      assert.ok(s.recall >= 0.99 && s.precision >= 0.95, `${type}: recall ${s.recall} precision ${s.precision}`);
    }
  });
});

describe('privacy: blind batches (written by helpers who read neither the detectors nor the dev set)', () => {
  it('the fourth: 140 cases, then 11 negatives of the fixes — recall 109 / 109, precision 1', async () => {
    // Before the session-11 fixes recall was 0.936 (7 misses) at precision 1.000; the last miss, a hiragana given
    // name before ちゃん (b4-0103), was found by session 12's rule for ちゃん / くん.
    await assertBatch('blind-4.jsonl', 151, [109, 109, 109, 109]);
  });

  it('the fifth, on names: lists, CSV rows, signatures, posts — recall 158 / 160, precision 1', async () => {
    // 150 cases, 103 names, 45 negatives; before the session-11 tagger rules recall was 0.544 (names 0.340)
    // at precision 0.919, after them 0.869; session 12's rules (readings, roster columns, capitals, hiragana
    // names, 番地の4) 0.975. Left: a header-less CSV row whose name kuromoji does not tag (北村,康介).
    // Session 34 (forty-eighth batch): the second of a reading split in two cells after the name's (キタムラ,コウスケ).
    await assertBatch('blind-5.jsonl', 150, [160, 158, 157, 157]);
  });

  it('the sixth, all types: 125 positive texts, 45 negatives — recall 208 / 214, precision 1', async () => {
    // Measured blind before any change made after reading it: recall 0.752, precision 0.970 (names 0.660,
    // addresses 0.500). Fixed by general rules: posts before names, place-read family names where only a person
    // fits, roster headers, numbers broken over lines, buildings after addresses, kanji lot numbers, JAN codes,
    // mail-system senders. Left: a lone family name before a particle (青木へ, 清水から), a reading quoted
    // after 氏を, a given name alone (翼), 二重表記 dates, Kyoto street addresses.
    // Session 36 (batch 53's rules): a reading in brackets of two kana words read as a listed family and given name.
    await assertBatch('blind-6.jsonl', 170, [214, 208, 204, 204]);
  });

  it('the seventh, long real-looking texts: recall 324 / 337, precision 1', async () => {
    // Measured blind after the sixth batch's rules: recall 0.774, precision 0.933 (one label the writer had left
    // out, b7-0019's second birth date, added before measuring again). Fixed by general rules: English text
    // (introduced, signed, labelled names; display names before an address; romanised addresses; English
    // dates), form examples (記入例, （例）), text spaced out by OCR, keyword-bound numbers kept to their item,
    // names listed after a name, roster headers of every numbered type. Left: famous historical figures
    // (徳川家康 — kuromoji tags them as any full name), lone family names signed or quoted, a kanji given name
    // alone, half-width katakana names in a numbered list.
    // Session 15's longer list of family names (a roster line before a phone): 314 → 315. Session 16's half-width
    // names and common family names in hiragana before さん: 318.
    // Session 32: a kanji full name's family name taken again alone (邊見 忠 … 「辺見」).
    // Session 33 (forty-sixth batch): a listed family name in hiragana set apart closing the message (… まつもと).
    await assertBatch('blind-7.jsonl', 170, [337, 324, 322, 322]);
  });

  it('the eighth, machine text (JSON, logs, SQL, fixed-width screens): recall 313 / 332, precision 314 / 317', async () => {
    // Measured blind after the seventh batch's rules: recall 0.687, precision 0.945. Fixed by general rules: values
    // whose key names their type (JSON, key=value, YAML, XML, query strings, SQL INSERT columns; English and
    // romanised keys), English and romanised roster headers, Markdown and fixed-width tables, a header's type over
    // a pattern's guess, chat mentions, form boxes （姓）（名）, role mailboxes, 000-0000 placeholders, Kyoto streets,
    // Hokkaido 条, 無番地, single-kanji era abbreviations (昭58.4.12). Left: names and numbers said in hiragana
    // (voice memos), lone surnames signing a line, header-less lists of care insurance numbers.
    // Session 15's rules (さん before a kanji word, relations with a colon): 296 / 305 → 299 / 308.
    // Session 32: a date said in kana words before うまれ, a phone read aloud with さん among its digits.
    await assertBatch('blind-8.jsonl', 170, [332, 313, 317, 314]);
  });

  it('the ninth, on precision: 110 hard IT negatives, 70 positives — recall 106 / 111, precision 1', async () => {
    // Measured blind after the eighth batch's rules: recall 0.883, precision 0.855 (the session's starting code:
    // 0.802 / 0.798). Fixed by general rules: teams and companies signing or in brackets (IT Service Desk, Nagoya
    // Office, Kato Electric), shared / resource / device mailboxes named as such, insurance keywords only near
    // 証 / 番号 / 記号, job names, IMEI, dummy values (000000000000, 1900/01/01, 090-1234-5678 given as a format).
    // Left: lone surnames (後任の 西村 に), a family name kuromoji reads as a common noun (青木 悠人), historical figures.
    // Session 15's rules (さん before a kanji word, a writer opening with a family name): 101 → 103.
    await assertBatch('blind-9.jsonl', 180, [111, 108, 108, 108]);
  });

  it('the tenth, a typical mix written last as a held-out check: recall 136 / 137, precision 1', async () => {
    // Measured once, after all of session 12's rules, and not used to change any: recall 0.964, precision 1.000
    // (the session's starting code: 0.905 / 0.963). The misses are lone family names (阿部, 山崎, 藤田, 渡部).
    // Session 13's rules (lone family names, historical figures) found one of them.
    await assertBatch('blind-10.jsonl', 150, [137, 136, 136, 136]);
  });

  it('the eleventh, a month of helpdesk traffic: 105 positive texts, 55 negatives — recall 286 / 294, precision 1', async () => {
    // Measured blind with session 13's starting code: recall 0.847, precision 0.977 (passports 0 / 8: only Japan's
    // two letters and seven digits were known). Fixed by general rules: foreign passport shapes, an extension after a
    // phone number, lone family names after a relation (後任の西村) or before a person's verb (山崎から連絡),
    // common family names kuromoji reads as nouns or companies (松田, 林) in a person's context, hiragana given
    // names after a space, attendance and call-memo labels (欠席：, 対応：, かけてきた人：), tables with spaced
    // pipes, 支店番号 columns, English lower-case labels, FAMILY, Given names, -san, 12/03/1990 after DOB, the same
    // birth date in English, historical figures (徳川家康) as no one's data, given names kuromoji cuts into single
    // kanji (悠 + 真, 紗 + 希) after a family name and a space. Left: a given name alone (健太 と 美咲), a Latin name
    // in brackets after a role (先生（Emily Carter）), a single-kanji family name before から (森から聞いた), a
    // passport number after 例：.
    await assertBatch('blind-11.jsonl', 160, [294, 288, 289, 289]);
  });

  it('the twelfth, mostly numbers and addresses in real formats: recall 211 / 216, precision 211 / 214', async () => {
    // Measured blind with session 13's starting code: recall 0.750, precision 0.961 (after the eleventh batch's
    // rules: 0.806 / 0.968). Fixed by general rules: ゆうちょ 記号 / 番号 in the next sentence, insurance 記号 with
    // its place (奈良01) and a 記号： / 番号： line under an insurance keyword, 基礎年金番号 with spaced hyphens,
    // Kyoto's 上ル / 下ル, Asahikawa's 右 / 左, 大字・字・小字 towns, buildings with 条 or 7F-701, 住所2 lines,
    // romanised Hokkaido and Room / building addresses with their postal code, numbers dialled from abroad, two-digit
    // birth years after a birth keyword and the same date restated in the next sentence, chat transcript speakers,
    // a signature's name above its address, a name in brackets after a phone number, a kanji name after a Latin one,
    // Surname / Given names, 申告者, hiragana self-introductions, mailing lists and xxxx@ dummies, （例：…） examples.
    // Left: lone family names that are also places (石川が参加します, 千葉 誠), names in quotes, a katakana name
    // before a role in brackets, a rice variety (山田錦) and a historical figure not on the list (支倉常長).
    // Session 14's rules (the thirteenth batch) then found three more: 208 / 211 → 211 / 214.
    await assertBatch('blind-12.jsonl', 150, [216, 212, 215, 212]);
  });

  it('the thirteenth, names in quotes, lists and places, foreign names: recall 225 / 228, precision 226 / 227', async () => {
    // Measured blind with session 14's starting code: recall 0.877, precision 0.971 (the same value written twice
    // now counts as found at both places: 0.976). Fixed by general rules: family names that are also places
    // (privacy/family-names.ts PLACE_FAMILY_NAMES) before a person's verb (長野から連絡あり, 岡山にはさっき伝えました,
    // not 長野に出張) or in a list under a writer label (CC: 上野 / 浅野 / 星野); a subject at a sentence's start
    // further from its verb (石川が午後の研修に参加します); a family name quoted alone before another or a count of
    // people (「大塚」「内田」の2名), before と名乗る, or after 姓は; a name after an extension (内線 318 の 近藤 まで);
    // labels 投稿者, 申請者名「…」, 対象者（ハリス ジェームズ）, a Latin name at a line's end (氏名：Emily Carter);
    // katakana names joined by ・ before brackets saying who they are or after a staff word; examples marked
    // （記入例） without a label, 記入例の電話番号 090-…; user@ / name@ dummies; national cartoon characters; a phone
    // number after an extension and a slash (内線2231／090-…); an old value in brackets after a number (（旧 TH…）).
    // Rooms numbered in 大字 (弐号室). Left: a given name alone in hiragana (けんじさん) or Latin (Tomoko), 1982(S57)/6/19,
    // and 店番 214 (labelled no account number here, masked as one since the eleventh batch).
    await assertBatch('blind-13.jsonl', 160, [228, 226, 228, 227]);
  });

  it('the fourteenth, an everyday mix written last as a held-out check: recall 238 / 243, precision 239 / 250', async () => {
    // Measured blind after all of session 14's rules above: recall 0.901, precision 0.921 (the same with the
    // session's starting code). Then: English introductions with a capital My, a name on the line after a sign-off
    // (Best regards / Ahmed Khan), account holder MARTINEZ CARLOS, a building name with ・ (ザ・鍛冶町タワー1502), and
    // a contact line under an address no building (…山王2-5-13-201 / TEL 03-…), a family name signing a message's
    // last line (― 佐野) or heading a roster line before its phone number (1. 松井　090-…), an insurance card's 記号 and
    // 番号 without colons after its keyword (保険者番号 … 記号 201、番号 4477), a resident code further on in the keyword's
    // sentence (…コード欄に 99397874890). Precision: this batch's writer
    // labels department and public-office phone numbers no personal data; the masker masks every phone number.
    // Left: a name alone closing an English message, half-width katakana names, a family name in brackets after a role (退職者（竹内）).
    // Session 32: a test card's number in a sentence remarked （テスト用カード番号） is no one's.
    // Session 33 (forty-seventh batch): three sections' numbers in a list of offices (市民課　03-…) left, as this batch labels them.
    // Session 36 (batch 53's rules): a free dial named by its support centre is the service's line, no one's.
    await assertBatch('blind-14.jsonl', 150, [243, 238, 250, 239]);
  });

  it('the fifteenth, written blind in session 15 as a held-out check: recall 217 / 228, precision 222 / 224', async () => {
    // Measured blind with session 15's starting code: recall 0.807, precision 0.985 (items reordered by position
    // first: the writer listed one signature's name before the mail addresses above it). Fixed by general rules: a
    // street address's end — 丁目 then a dash or a bare lot (2丁目-8-11, 本城1丁目1560), a floor after the building
    // (ノースビル7階), a room ending in a letter (3-B), ordinals and hiragana in building names (第5ビル 6F, ハイツめじろ台
    // B棟105号室); さん / くん / ちゃん before a kanji word (大森さん不在; 赤ちゃん excepted); labels 氏名欄:, 対象児, a
    // relation and a colon (妻:フジモト マユミ); 名義カナ headers; a katakana reading before its kanji name in a row; a
    // two-part katakana name in a row with a phone, a birth date or an account (no long mark, no data word); era-initial
    // dates in such rows (S45/10/05); English: his / her name is, this is Ken from …, a single name closing the message
    // after a sign-off (Thanks,⏎Emily; Thanks! – Tom), a dash signature with a role (— James Smith, ALT); a Latin name
    // before です; a writer opening with a family name (総務課の山田です) or signing under the office (会計課　増田).
    // Family names of about the top 700 (privacy/family-names.ts, written blind) where the context says a person.
    // Left: role mailboxes (helpdesk@, keibo@) this writer labels personal — the masker keeps role mailboxes; a name alone after a note (小林の件, 土曜当番 高木→日曜当番 菅原); insurance
    // numbers without a keyword (保険証_10234567-89_藤田.jpg, 「４１２・３５８７」); the second of two My Numbers.
    // Session 33: a phone-shaped 保守契約番号 is no phone any more (one false positive fewer).
    // Session 36 (batch 53's rules): a reading in brackets of two kana words read as a listed family and given name.
    await assertBatch('blind-15.jsonl', 150, [228, 217, 224, 222]);
  });

  it('the sixteenth (session 16, held-out check): 150 cases — recall 236 / 249 at precision 238 / 239', async () => {
    // Written blind after session 15's rules: 125 positive cases (119 names, 31 birth dates, 26 phones …), 25 negatives.
    // The writer labelled bank accounts with the bank and branch written before the number; relabelled to the numbers,
    // as every other batch labels them (静岡銀行沼津支店普通3021456 → 3021456; ゆうちょ 記号 and 番号 as two items).
    // First run: recall 0.819 (204 / 249) at precision 0.981. Fixed, as general rules: a card number right after its
    // name (カード番号 / クレカ) whatever its check digit; a birth date beside a name without brackets (申請書_高田ゆり子_
    // H071023.pdf, 扶養：小池 真央 H20.6.3, 遠藤美穂子19900115; YYYYMMDD and era + YYMMDD, a year that can be a birth
    // year); X様方; …っていいます; the labels 当番, 入居者, 滞納者, 予約者, 寄附者, 転入者, 申込者 …; a half-width name straight
    // after its label (名義ｽｷﾞﾔﾏ ﾀﾛｳ) and in three parts (ｸﾞｴﾝ ﾃｨ ﾗﾝ); two or three half-width katakana words without a
    // long mark anywhere (every such pair in the earlier batches was a name); a name written after a phone number
    // without brackets (TEL0559211234ｼﾐｽﾞ, 「(090)4412-8830 柏木」 closing the line); カナ氏名 as a header.
    // Common family names in hiragana before an honorific (すずきさん); a given name between a relation and an age
    // (長男 翔太（16歳）). Left: a hiragana given name before さん
    // (ひろみさん), names after 氏は / 名は, a roster line
    // 午後：市川（…）, 対象世帯 菊地 方, 予約者欄に 永井 と, 小林の件,
    // lower-case romaji (taro yamada), a half-width name without a space in a file name (ｲﾄｳﾀｶｼ); a 国保 記号 with a
    // kanji (沼012 345678); a 住民票コード in a URL or grouped 4-4-3 after コード：; the four false positives are department
    // phone numbers (every phone number is masked).
    await assertBatch('blind-16.jsonl', 150, [249, 236, 239, 238]);
  });

  it('the seventeenth (session 16, after batch 16’s rules): 150 cases — recall 219 / 225 at precision 218 / 222', async () => {
    // Written blind after batch 16's rules (ticket notes, work logs, lending registers, minutes, chat lines, file
    // paths, English). First run: recall 0.827 (186 / 225) at precision 0.954 (session 15's code: 0.804 / 0.953).
    // Fixed, as general rules: a common family name as a chat line's speaker without a time (中村: …, [LoGo] 佐野: …),
    // as an attendee after a section (総務課 石川、情報政策課 松本), as a role field's value (議事録作成：渡邊); a given
    // name kuromoji tags 人名・名 right after a relation (母の恵子, 長男の翔太, 息子の大翔, （妻）千夏); a full name between
    // underscores in a file name (申請書_小林陽菜_20240601.pdf); 貸出者 / 借用者 / 利用者 / 被保険者 … as name columns; a
    // birth date as one number after its keyword (生年月日19850722); 協会けんぽ / 共済組合 as insurance keywords, not an
    // extension after them (内線2231); a Kyoto address's bare lot (烏丸通御池上る二条殿町552). Left: lower-case or
    // capitals-only romaji (hiroshi kawamoto, KATO MIKI), romanised addresses in the western order, a chat handle
    // (kenta.ogawa), a name broken across a line, a hiragana full name, the system's spelling of a
    // name quoted after it (山﨑 → 「山崎」). A public facility's address (コミュニティセンター（青葉市田中町3-1-1）, 田中町3丁目の
    // コミュニティセンター) is no longer masked, nor an asset label (青葉市 2023-0872: no lot has a leading zero). False
    // positives left: a 支店コード in a form's description, a role mailbox and a department's phone.
    // Session 17: lower-case romaji and a handle (hiroshi kawamoto, kenta.ogawa) found. Session 31 (batch 40's rules):
    // the system's spelling quoted after the name (山﨑 → 「山崎」) found, old kanji forms being read as today's.
    // Session 32 (the forty-fourth batch's rules): one more item found. Session 33: a name broken after Name: taken whole.
    await assertBatch('blind-17.jsonl', 150, [225, 219, 221, 218]);
  });

  it('the eighteenth (session 17, after batch 17’s rules): 150 cases — recall 250 / 261 at precision 251 / 258', async () => {
    // Written blind after batch 17's rules, told the classes left (handles, lower-case romaji, hiragana given names,
    // notes about someone, department numbers). First run: recall 0.839 (222 / 261) at precision 0.933 (238 masked).
    // Fixed, as general rules: a user name or handle of a listed family name and a given name or an initial
    // (kenta.ogawa, ogawa_kenta, yamada.t, m.sakamoto; not inside an e-mail address); lower-case pairs outside a
    // romanised sentence (taro yamada), KOBAYASHI, Naomi, Kunrei spellings (Syota Kikuti), a name in quotes; a hiragana
    // given name before さん standing alone (9:42 ひろみさん; not みなさん, おつかれさん, さんさんタウン, すいさん場); a
    // particle-like first letter kept after a mark (受給者：はるとくん); a common family name a note is about (小林の件,
    // 青木という男性), a bulleted minute's speaker (・岡田：…), an absence list (不在者：藤本); a full name between a
    // relation and an age without 歳 (長男 今井 拓海（27）); headers ending in 氏名 (児童氏名, 保護者氏名); an office's main
    // number (代表 0436-22-1111, 代表番号 …: one label of batch 5 said otherwise), a facility's (施設電話), the fax after a
    // main number, and a city hall's address after its
    // postal code. Left: a year alone before 生まれ (this batch labels it, batches 11 and 16 do not), a given name
    // alone as a handle (@yoshiko), a name broken across a line, a name in a URL's query, a foreign name in capitals
    // of three words, 王 偉; false positives: a toll-free number, 支店コード and bank codes, a 12-digit
    // contract number, an era initial read as an insurance symbol (S33).
    // Session 34 (batch 49's rules): S33.4.1 after 保険証 is the birth date, no insurance symbol (a value going on with a
    // point and a digit is a ratio or a date).
    // Session 36 (batch 53's rules): a free dial named by its call centre is the service's line, no one's.
    await assertBatch('blind-18.jsonl', 150, [261, 250, 257, 251]);
  });

  it('the nineteenth (session 17, an everyday mix, not told any class): 150 cases — recall 308 / 315 at precision 308 / 319', async () => {
    // Written blind as an everyday mix (a third long, English and machine text). First run: recall 0.911 (287 + 1 / 315)
    // at precision 0.947 (304 masked). Fixed, as general rules: a register's or a log's person field with the section or
    // vendor before the name (利用者：会計課 須藤, 作業者：ベンダー 服部, 二次対応：基盤チーム 今井), people further along a
    // list after a colon (参加: 情報政策課 松本、伊藤), a section with a colon before a name (市民課：佐々木), 〜の増田です
    // after a sentence, a camel-case name in a file name (SuzukiTaro), a possessive (Yuki Hayashi's); a role or a
    // section in brackets is no reading (小川(ベンダー), (Finance), (resident, …)). Left: a family name alone in a
    // reply's last sentence, a lone romaji family name (Nakamura,), a western name (Emily Carter), a romanised address,
    // a foreign postal code line; false positives: public figures (高橋尚子, 大谷翔平), toll-free and department numbers,
    // public addresses without a facility word.
    // Session 33 (forty-seventh batch): a section's direct line (情報政策課直通 …) left, a false positive fewer.
    // Session 36 (batch 53's rules): a free dial named by its support desk is the service's line, no one's.
    await assertBatch('blind-19.jsonl', 150, [315, 308, 319, 308]);
  });

  it('the twentieth (session 27, an everyday mix, not told any class): 150 cases — recall 412 / 423 at precision 459 / 464', async () => {
    // Written blind as an everyday mix (a third long: mails, ticket histories, minutes; English and machine text). First
    // run: recall 0.823 (348 / 423; names 0.748) at precision 0.982. Fixed, as general rules: a log's or a ticket
    // history's entry head with a date, a role or a handle's prefix before the name ([2024/06/03 09:12 岩崎], [HD 長尾],
    // helpdesk_森川:, 09:45 HD 藤井 →), a self-introduction after a section and a space (子育て支援課 福島です), a family
    // name in brackets after a section or owning a thing (（経理課の 栗原）, （中島の社用携帯）), a list after a colon that
    // goes on on the next line or with ／ (出席者：⏎ 小野寺課長、石黒、平田), 作業員：, and names in English text known by
    // their parts (a common given name before a family name: Mark Ellison, Yuko Hanamura; a family name written first:
    // Nguyen Van Hai); an acronym in brackets (ALT) and Latin letters after a Latin name are no reading; rows split by
    // pipes without spaces, a よみ column, insurance card columns, 記号「…」番号「…」, the 資格確認書 as a card's name, a
    // common family name in hiragana before です or a post (しみず です). Left: card numbers that fail the Luhn check,
    // handles (@nomura), a lone Latin family name, a given name alone in English (Shunsuke (Tochigi branch)).
    // Session 32: the other people of an attendee list (派遣 ソン・ミナ).
    // Session 32 (batch 43's rules): a team's Latin name is no person's (Security Team).
    // Session 32 (the forty-fourth batch's rules): one more item found.
    // Session 37 (the fifty-seventh batch's rules): one more item found.
    await assertBatch('blind-20.jsonl', 150, [423, 412, 464, 459]);
  });

  it('the twenty-first (session 27, what staff type to the bot, written after batch 20’s rules): recall 304 / 323 at precision 311 / 311', async () => {
    // Written blind: questions and requests typed to a helpdesk bot with citizens' and colleagues' data, voice-input
    // style, romanised chat, pasted screens. First run with batch 20's rules: recall 0.861 (278 / 323) at precision 0.979
    // (session 26's code: 0.848 / 0.979). Fixed, as general rules: a listed family name introduced between spaces (職員番号
    // … の 内田 です, 職員 酒井 です), 私(原田), a romaji family name before a romanised honorific or post (kimura san, Sato
    // kachou), 訪問者：, an elongated honorific (加藤 さーん); a field's state (名義人が不正です) and people by situation
    // (妊婦さん) are no names, and a bank's 口座番号 after 国保税 is no insurance number; a katakana full name on an account
    // holder's line. Left: addresses and names typed in hiragana by voice input, a header-less CSV row's split name, wrong dates
    // typed as corrections (R5.6.1 → 昭和50年6月1日), OCR-misread numbers, romanised addresses with a flat's name first.
    // Session 32 (batch 43's rules): an office's Latin name is no person's (International Affairs Division).
    // Session 33 (forty-seventh batch): a block of flats' number after its name (…団地14-302) masked whole.
    // Session 34 (forty-eighth batch): the second of a reading split in two cells (ヤマグチ,マユミ); ひほけんしゃばんごう as
    // voice input writes the label.
    // Session 34 (fiftieth batch): OCR's letter O among digits read as a zero (口座番号 88O2114, and the corrected value).
    await assertBatch('blind-21.jsonl', 150, [323, 304, 311, 311]);
  });

  it('the twenty-second (session 27, text pasted from other systems, written after batch 21’s rules): recall 311 / 333 at precision 332 / 334', async () => {
    // Written blind: rows from Excel and CSV, fixed-width screens, SQL and API errors echoing a record, OCR'd forms, mail
    // threads, chat transcripts, PDF text with broken lines (three cases' labels put in the text's order, as the scorer
    // reads them). First run with batch 21's rules: recall 0.832 (277 / 333) at precision 0.958 (session 26's code: 0.817
    // / 0.958). Fixed, as general rules: a chat head with the speaker at the line's end ([10:21] 窓口 斎藤), key = value
    // with spaces (yubin = '…'), PostgreSQL's key tuple (Key (hokensha_no, hihokensha_no)=(…)), kigo= and contact_person
    // keys, a katakana holder after an account's number, a full name after 被保険者 / 納税者 and a space; header cells
    // naming a role (受給者, 所有者, 会長), a company in bank katakana (カ）…), examples after 記入例） or e.g. and
    // placeholder addresses (○○町…) are no one's; a fixed-width screen's rows cut at its header's columns by display
    // width, 記号 and 番号 columns under an insurance title. Left: OCR text spaced letter by letter across cells, names and
    // addresses broken across lines, a quoted "Family, Given" CSV cell.
    // Session 32: the addresses of a shelters' table (施設名 header) are no one's.
    // Session 33 (forty-seventh batch): a full name after a label ending in 者 past a post (出席者：委員長 吉村 公⏎一) whole.
    await assertBatch('blind-22.jsonl', 150, [333, 311, 334, 332]);
  });

  it('the twenty-third (session 27, an everyday mix, written after batch 22’s rules): recall 291 / 302 at precision 316 / 319', async () => {
    // Written blind as an everyday mix like the twentieth, labels in the text's order: the held-out check of session 27's
    // rules. First run: recall 0.897 (271 / 302) at precision 0.990 (session 26's code: 0.871 / 0.989). Fixed, as
    // general rules: a romaji family name, a comma and a common given name (Suzuki, Takahiro), a family name in capitals
    // before a common given name (HIROSE Mai), the writer's name before its reading and です or でございます (総務の菅野
    // （かんの）です), 入力者【…】, 差出人 and 関係者 fields. Left: hiragana names typed by voice input, a name alone at
    // a reply's end or before a particle (それ 田村 の端末), a lone given name signing in English (— Jun).
    await assertBatch('blind-23.jsonl', 150, [302, 292, 319, 316]);
  });
});

describe('kotae eval --pii', () => {
  const file = path.join(__dirname, '../../fixtures/pii/dev.jsonl');
  it('prints recall and precision per type, as JSON with --json', async () => {
    const out: string[] = [];
    const err: string[] = [];
    assert.equal(
      await evalCommand(['--pii', file, '--json'], { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false }),
      0,
    );
    const json = JSON.parse(out.join('\n')) as {
      perType: Record<string, { recall: number }>;
      overall: { precision: number };
    };
    assert.equal(typeof json.perType.my_number?.recall, 'number');
    assert.equal(typeof json.overall.precision, 'number');
    out.length = 0;
    assert.equal(
      await evalCommand(['--pii', file], { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false }),
      0,
    );
    assert.match(out.join('\n'), /^my_number\s+\d+\s+[01]\.\d{3}\s+\d+\s+[01]\.\d{3}/m);
    assert.equal(await evalCommand(['--pii'], { out: () => undefined, err: (s) => err.push(s), isTTY: false }), 2);
  });

  it('the twenty-fourth (session 28, staff relaying citizens’ matters): 150 cases — recall 345 / 352 at precision 353 / 354', async () => {
    // Written blind: 窓口 and phone memos, complaint records, record corrections with before and after values, mis-sent
    // notices naming the citizen, household lists, relatives and agents, foreign residents. First run with session 27's
    // rules: recall 0.869 (306 / 352) at precision 0.997.
    // Session 36 (fifty-fourth batch's rules): one more name found whole (荻野 権三).
    await assertBatch('blind-24.jsonl', 150, [352, 345, 354, 353]);
  });

  it('the twenty-fifth (session 28, an everyday mix): 150 cases — recall 271 / 272 at precision 290 / 291', async () => {
    // Written blind as an everyday mix like the twentieth and the twenty-third. First run with session 27's rules: recall
    // 0.919 (250 / 272) at precision 0.996.
    await assertBatch('blind-25.jsonl', 150, [272, 271, 291, 290]);
  });

  it('the twenty-sixth (session 28, typed on a phone, dictated, or in English): 150 cases — recall 224 / 229 at precision 229 / 231', async () => {
    // Written blind: fast chat lines (hiragana names, half-width katakana, typos), voice dictation (numbers read with
    // spaces or ハイフン, fillers), English and mixed tickets (Mr./Ms., first-name sign-offs, @mentions, display names).
    // First run with session 27's rules: recall 0.764 (175 / 229) at precision 0.979. Session 31 (batch 40's rules): a
    // name with ノ found whole (井ノ上), a half-width sentence's words no longer a name (ﾌﾞﾗｯｸ ｷﾚﾃﾏｽ).
    // Session 32 (batch 43's rules): one more name found (Hanako Suzuki).
    await assertBatch('blind-26.jsonl', 150, [229, 224, 231, 229]);
  });

  it('the twenty-seventh (session 28, an everyday mix written after the session’s rules: the held-out check): 150 cases — recall 324 / 330 at precision 372 / 372', async () => {
    // Written blind as an everyday mix like the twentieth, twenty-third and twenty-fifth, after batches 24–26's rules.
    // First run: recall 0.930 (307 / 330) at precision 0.997 (348 / 349); session 27's code gives 0.888 / 0.997 on it
    // (both scored with the session's scorer), so the session's rules carried 4.2 points of recall to unseen text. Fixed
    // since, as general rules: a family name after a section or a company at a list item's or a message's end (広報課
    // 秋山／, （株）ミライソフト 安藤、, 税務課小池, (国保 川口)), a katakana common family name before a request (折り返しは
    // サトウでお願いします), a name found alone taken again elsewhere in the text, Birth date:, ○○市…の name です, and log
    // entries named for their action (一次対応：) are no speaker.
    // Session 32: the other people of a participants' list (… 内藤様、Johnson様).
    await assertBatch('blind-27.jsonl', 150, [330, 324, 372, 372]);
  });

  it('the twenty-eighth (session 28, text pasted from other systems: the held-out check of that style): 150 cases — recall 305 / 319 at precision 319 / 321', async () => {
    // Written blind like the twenty-second (rows, screens, SQL and API errors, OCR'd forms, mail threads, transcripts, PDF
    // text with broken lines), after the session's rules. First run: recall 0.903 (288 / 319) at precision 0.987 (303 /
    // 307); session 27's code gives 0.871 / 0.987 on it, the session's rules before words broken across lines 0.884 / 0.987.
    // Session 33 (forty-seventh batch): a block of flats' number after its name (…コーポ2-104) masked whole.
    await assertBatch('blind-28.jsonl', 150, [319, 305, 320, 319]);
  });
});
