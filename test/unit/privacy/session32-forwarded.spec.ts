import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 32's rules found by the forty-second blind batch (test/fixtures/pii/blind-42.jsonl); invented examples. */
describe('privacy: forwarded mail, minutes, registers, chat and voice transcripts (session 32)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  describe('numbers and dates said into a voice recogniser', () => {
    it('reads groups parted by a pause’s comma or joined by の inside a word, not numbers of a list', () => {
      assert.equal(
        mask('（音声入力）かけなおす番号は、ぜろきゅうぜろ、ぜろぜろにいろく、さんいちよんはち、です。'),
        '（音声入力）かけなおす番号は、［電話番号］、です。',
      );
      assert.equal(mask('折り返しは090の0031の7755でお願いします。'), '折り返しは［電話番号］でお願いします。');
      assert.equal(mask('住所は中野5の32の8です'), '住所は［住所］です');
      assert.equal(mask('2024、2025年度の予算を比べてください'), '2024、2025年度の予算を比べてください');
      assert.equal(mask('第1の2の資料を参照'), '第1の2の資料を参照');
    });

    it('reads a number read aloud before さん as digits, not as a name that hides the phone number', () => {
      assert.equal(
        mask('（留守電）けいたいは ぜろはちぜろ の ぜろぜろさんよん の ごーろくななはち です'),
        '（留守電）けいたいは ［電話番号］ です',
      );
    });

    it('reads kanji numerals parted by pauses and digits said one by one after the number’s name', () => {
      assert.equal(
        mask('（音声入力）えー、マイナンバーは、八〇一二、三三四五、六七〇九、です。'),
        '（音声入力）えー、マイナンバーは、［マイナンバー］、です。',
      );
      assert.equal(
        mask('（音声入力）きそねんきんばんごうは 2 2 3 1 の 4 0 5 5 6 7 です'),
        '（音声入力）きそねんきんばんごうは ［基礎年金番号］ です',
      );
      assert.equal(
        mask('（音声入力）ゆうびんばんごうは、ぜろぜろご の にいいちさんよん です'),
        '（音声入力）ゆうびんばんごうは、［郵便番号］ です',
      );
    });

    it('reads a date said in kana words, the era in hiragana, after a birth label also in hiragana', () => {
      assert.equal(
        mask('（電話メモ）生年月日は、へいせい じゅうにねん、しがつ、はつか、です。'),
        '（電話メモ）生年月日は、［生年月日］、です。',
      );
      assert.equal(mask('せいねんがっぴ しょうわ さんじゅうねん くがつ みっか'), 'せいねんがっぴ ［生年月日］');
    });

    it('masks an address said in hiragana after じゅうしょ, its block said in kana, not words that are no address', () => {
      assert.equal(
        mask('（音声入力）じゅうしょは、あのー、あおばし さくらまち にちょうめ さんのじゅうよん です'),
        '（音声入力）じゅうしょは、あのー、［住所］ です',
      );
      assert.equal(mask('じゅうしょは まだ きまって いません'), 'じゅうしょは まだ きまって いません');
    });
  });

  describe('numbers mistyped right after their label', () => {
    it('masks twelve digits grouped any way after 個人番号, not after another number’s label', () => {
      assert.equal(mask('個人番号 5561-20394-817 で桁エラー'), '個人番号 ［マイナンバー］ で桁エラー');
      assert.equal(mask('受付番号 4820-19375-521 の件'), '受付番号 4820-19375-521 の件');
    });

    it('masks a card number, a phone and an account grouped wrongly after their labels', () => {
      assert.equal(mask('カード番号：45320-015-1128-9903'), 'カード番号：［カード番号］');
      assert.equal(mask('注文番号：49800-012-3456-7801'), '注文番号：49800-012-3456-7801');
      assert.equal(mask('保護者携帯：080-113-95520'), '保護者携帯：［電話番号］');
      assert.equal(mask('施設電話 043-000-2345'), '施設電話 043-000-2345');
      assert.equal(mask('電話番号は「090-1234-5678」のように入力'), '電話番号は「090-1234-5678」のように入力');
      assert.equal(mask('口座番号：01-22-377'), '口座番号：［口座番号］');
      assert.equal(mask('口座番号：01-22-3777'), '口座番号：01-22-3777');
    });

    it('masks a card’s number said after a pause, a pension number in romaji and a day-first corrected date', () => {
      assert.equal(
        mask('カードの番号が、えーと、4980 0000 1122 3344 です'),
        'カードの番号が、えーと、［カード番号］ です',
      );
      assert.equal(mask('my nenkin number is 3310 728401, thanks'), 'my nenkin number is ［基礎年金番号］, thanks');
      assert.equal(
        mask('Her DOB was entered as 11/03/1988 but it should be 03/11/1988 (DD/MM).'),
        'Her DOB was entered as ［生年月日］ but it should be ［生年月日］ (DD/MM).',
      );
    });
  });

  describe('addresses', () => {
    it('starts an address at its label whatever locality the pattern leaves out, and takes the indented building', () => {
      assert.equal(mask('新住所：東和県みなみ野町大字北谷字中尾１２３番地４'), '新住所：［住所］');
      assert.equal(mask('住所：未定'), '住所：未定');
      assert.equal(
        mask('【住所】 〒000-4512\n　　　　 ひばり市港町2-4-6\n　　　　 ハーバーコート港町 1203\n【電話】 なし'),
        '【住所】 ［郵便番号］\n　　　　 ［住所］\n【電話】 なし',
      );
    });
  });

  describe('what is no one’s', () => {
    it('keeps the addresses and numbers of a facilities’ table, not of a table that names a person', () => {
      assert.equal(
        mask('施設名,所在地,電話\nひばり市民プール,ひばり市緑町3-2-1,0467-00-3100'),
        '施設名,所在地,電話\nひばり市民プール,ひばり市緑町3-2-1,0467-00-3100',
      );
      assert.equal(
        mask('施設名,氏名,住所\nひばり荘,山田 花子,ひばり市緑町3-2-1'),
        '施設名,氏名,住所\nひばり荘,［氏名］,［住所］',
      );
    });

    it('keeps a value quoted before 見本 or 記入例 and the values of a sentence remarked as for tests', () => {
      assert.equal(
        mask('利用規約の「鈴木一郎」の見本を差し替えてください。'),
        '利用規約の「鈴木一郎」の見本を差し替えてください。',
      );
      assert.equal(
        mask('東京都千代田区霞が関1-1-1 で検索してください（テスト用の住所です）。明日は 山田 花子さん が来ます。'),
        '東京都千代田区霞が関1-1-1 で検索してください（テスト用の住所です）。明日は ［氏名］さん が来ます。',
      );
    });

    it('keeps a fax number after a main number, also one marked as a section’s main line after it', () => {
      assert.equal(
        mask('代表電話 0467-00-1000 と FAX 0467-00-1099 の表記ゆれ'),
        '代表電話 0467-00-1000 と FAX 0467-00-1099 の表記ゆれ',
      );
      assert.equal(mask('TEL 0467-00-5600（課代表） FAX 0467-00-5699'), 'TEL ［電話番号］（課代表） FAX 0467-00-5699');
    });

    it('takes no note in brackets, test activity or country in brackets for a name', () => {
      assert.equal(
        mask('資産番号\t機種\t利用者\nPC-01\tFMV\t（共用）'),
        '資産番号\t機種\t利用者\nPC-01\tFMV\t（共用）',
      );
      assert.equal(mask('お名前：動作確認'), 'お名前：動作確認');
      assert.equal(mask('旅券番号 TR0071234（日本）の 朴 さん'), '旅券番号 ［旅券番号］（日本）の ［氏名］さん');
    });
  });

  describe('names in forwarded mail, minutes and chat', () => {
    it('finds names after an emoji where they stand (the tagger counts an emoji as one letter)', () => {
      assert.equal(
        mask('会議のお知らせ📅\n主催者: 佐々木 健一（情報政策課）'),
        '会議のお知らせ📅\n主催者: ［氏名］（情報政策課）',
      );
    });

    it('masks rare family names where the message’s shape says a person', () => {
      assert.equal(
        mask('[10:12] 市民課窓口 宮森: 整理券の発券が止まりました'),
        '[10:12] 市民課窓口 ［氏名］: 整理券の発券が止まりました',
      );
      assert.equal(mask('[受付 森永] 了解です、入力しました'), '[受付 ［氏名］] 了解です、入力しました');
      assert.equal(mask('> From: 総務課 花岡\n> 異動の件'), '> From: 総務課 ［氏名］\n> 異動の件');
      assert.equal(
        mask('作業完了しました。\n--\n情報政策課 ヘルプデスク 堀越'),
        '作業完了しました。\n--\n情報政策課 ヘルプデスク ［氏名］',
      );
      assert.equal(mask('明日は休みます🙏\n— 瀬尾'), '明日は休みます🙏\n— ［氏名］');
      assert.equal(mask('・記録 真栄田'), '・記録 ［氏名］');
      assert.equal(mask('欠席：保育課 東恩納'), '欠席：保育課 ［氏名］');
      assert.equal(mask('・係長の宮森より：手順書を更新'), '・係長の［氏名］より：手順書を更新');
      assert.equal(
        mask('（議事録の自動文字起こし）宮森：では始めます\nKevin：Sure, I can join.'),
        '（議事録の自動文字起こし）［氏名］：では始めます\n［氏名］：Sure, I can join.',
      );
    });

    it('takes no word that fills such a place without being anyone', () => {
      for (const text of [
        '[重要] 4/1 からの変更点',
        '記録：なし',
        '欠席：福祉課 全員',
        'よろしくお願いします。\n— 以上',
        'From: 情報政策課 ヘルプデスク',
        '担当は 総務 課長です',
        'Note: 端末は返却済み',
      ])
        assert.equal(mask(text), text);
    });

    it('masks the other people of a list where some were found, under a label or beside a full name', () => {
      assert.equal(
        mask('出席者：杉森、鶴田、グエン（通訳）、百瀬、大関（敬称略）'),
        '出席者：［氏名］、［氏名］、［氏名］（通訳）、［氏名］、［氏名］（敬称略）',
      );
      assert.equal(
        mask('今月の当番：月 森永／火 ジョーンズ／水 宮森／金 未定'),
        '今月の当番：［氏名］／火 ［氏名］／水 ［氏名］／金 未定',
      );
      assert.equal(
        mask('Attendees: Kimura / Brown (ALT) / Li Wei / 高山 — the network issue was discussed.'),
        'Attendees: ［氏名］ / ［氏名］ (ALT) / ［氏名］ / ［氏名］ — the network issue was discussed.',
      );
      assert.equal(
        mask('会議の参加者 📋\n佐藤、Garcia、宮森、チャン・ミン、Mori（欠）'),
        '会議の参加者 📋\n［氏名］、［氏名］、［氏名］、［氏名］、［氏名］（欠）',
      );
      assert.equal(
        mask('・株式会社サンプルシステム：桐ヶ谷 翼、Kim Minseo'),
        '・株式会社サンプルシステム：［氏名］、［氏名］',
      );
    });

    it('takes no list of offices or things, nor a table’s row, for a list of people', () => {
      for (const text of ['出席：総務課、市民課、税務課', '品目：ノートPC、マウス、キーボード'])
        assert.equal(mask(text), text);
      assert.equal(mask('1,小島 直樹,コジマ ナオキ,1972/02/11,OK'), '1,［氏名］,［氏名］,［生年月日］,OK');
    });
  });

  describe('names said in a transcript', () => {
    it('masks a name after 名前は and the pauses of speech, said again in full or in kanji', () => {
      assert.equal(
        mask('（通話の文字起こし）はい、えっと、名前は、あのー、たかみね、たかみね よしこ です。'),
        '（通話の文字起こし）はい、えっと、名前は、あのー、［氏名］、［氏名］ です。',
      );
      assert.equal(
        mask('（文字起こし）えー、総務課の窓口の者です、あー、もりながです、森永。'),
        '（文字起こし）えー、総務課の窓口の者です、あー、［氏名］です、［氏名］。',
      );
      assert.equal(
        mask('（音声入力）名前は、ロドリゲス です、ロドリゲス カルロス。'),
        '（音声入力）名前は、［氏名］ です、［氏名］。',
      );
      assert.equal(mask('（留守電）えっと、保育課の、すぎた、です。'), '（留守電）えっと、保育課の、［氏名］、です。');
      assert.equal(mask('名前は花岡ゆりです'), '名前は［氏名］です');
    });

    it('takes no state or verb said after 名前は for a name', () => {
      for (const text of ['名前は未入力です', '名前は、えっと、わかりません', '名前は、サンプル、です'])
        assert.equal(mask(text), text);
    });
  });

  describe('names by a form’s label or a register’s cell', () => {
    it('masks a name after a label in 【】, a katakana name on a post’s line and a holder after 名義 is', () => {
      assert.equal(mask('【氏名】 宮森 エリカ'), '【氏名】 ［氏名］');
      assert.equal(mask('副班長：グエン・ティ・ラン　090-0021-3344'), '副班長：［氏名］　［電話番号］');
      assert.equal(
        mask('Please set 名義 is ロドリゲス カルロス for the account.'),
        'Please set 名義 is ［氏名］ for the account.',
      );
    });

    it('masks a register’s cell before the section a person belongs to, and a Borrower column', () => {
      assert.equal(
        mask('MR-0201\t2025/03/02\tAMIRA HASSAN\t国際交流課\nMR-0202\t2025/03/02\tロペス・アナ\t国際交流課'),
        'MR-0201\t2025/03/02\t［氏名］\t国際交流課\nMR-0202\t2025/03/02\t［氏名］\t国際交流課',
      );
      assert.equal(
        mask('Date\tItem\tBorrower\n2025-03-02\tTablet\tNaoko Sakurai'),
        'Date\tItem\tBorrower\n2025-03-02\tTablet\t［氏名］',
      );
    });

    it('masks a Latin name on the line above a postal address', () => {
      assert.equal(
        mask('Please post the card to:\nIlyas Qorbani\n2-4-6 Minatomachi,\nHibari-shi 000-4512'),
        'Please post the card to:\n［氏名］\n［住所］ ［郵便番号］',
      );
    });
  });

  describe('names made whole and found again', () => {
    it('takes the piece a name was found without: after ・, after a hyphen in capitals, its katakana form', () => {
      assert.equal(
        mask('> 3/31付退職：大野 翼（E10331）、スミス・ジョン（T-3301）\n>> From: スミス・ジョン'),
        '> 3/31付退職：［氏名］（E10331）、［氏名］（T-3301）\n>> From: ［氏名］',
      );
      assert.equal(mask('Name: PARK JI-HOON'), 'Name: ［氏名］');
      assert.equal(
        mask('resident スミス・ジョン (John Smith) asked for a copy'),
        'resident ［氏名］ (［氏名］) asked for a copy',
      );
      assert.equal(
        mask('2025/01/09 09:30、宇佐原 健太 <k-usahara@example.lg.jp> のメッセージ'),
        '2025/01/09 09:30、［氏名］ <［メールアドレス］> のメッセージ',
      );
    });

    it('takes a kanji full name again whole and its family name alone, and a rare name again as a speaker', () => {
      assert.equal(
        mask('伊集 さとみ さんから。伊集 ですけど、と名乗っていました。'),
        '［氏名］ さんから。［氏名］ ですけど、と名乗っていました。',
      );
      assert.equal(
        mask('差出人: 仲宗 大地 <d-nakaso@example.lg.jp>\n\n仲宗 大地\n市民課'),
        '差出人: ［氏名］ <［メールアドレス］>\n\n［氏名］\n市民課',
      );
      assert.equal(
        mask('出席者：門田、鶴見、百瀬\n・鶴見：次回までに確認'),
        '出席者：［氏名］、［氏名］、［氏名］\n・［氏名］：次回までに確認',
      );
    });

    it('masks a speaker after a title before a colon, and a Latin name signing under a Japanese line', () => {
      assert.equal(mask('・Ms. Lim（CIR）：翻訳は来週'), '・Ms. ［氏名］（CIR）：翻訳は来週');
      assert.equal(mask('端末の返却は済んでいます😊\n— Mori'), '端末の返却は済んでいます😊\n— ［氏名］');
    });
  });
});
