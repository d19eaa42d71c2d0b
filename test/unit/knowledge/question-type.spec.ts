import assert from 'node:assert/strict';
import { chunkDocuments } from '../../../ingest/chunk';
import { faqRowsToDocuments, type FaqRow } from '../../../ingest/faq';
import { createKnowledgeBase, createQueryExpander } from '../../../knowledge';
import { confidenceOf } from '../../../knowledge/confidence';
import { askedKindMissing } from '../../../knowledge/question-type';
import { testAnalyzer } from './shared-analyzer';

describe('questions asking for a reason or a price', () => {
  const howTo = 'パスワードの変更方法\nCtrl+Alt+Delete を押し「パスワードの変更」を選びます。';
  it('are not answered by an entry that gives no reason or price', () => {
    assert.equal(askedKindMissing('パスワードはなぜ90日ごとに変えるのですか', howTo), true);
    assert.equal(askedKindMissing('どうしてパスワードを変えないといけないの', howTo), true);
    assert.equal(
      askedKindMissing('トナーは1本いくらですか', 'トナーの交換\n予備のトナーは各課の消耗品棚にあります。'),
      true,
    );
  });
  it('asking why in everyday words (なんで) want a reason too; a rule or a mechanism is one', () => {
    assert.equal(askedKindMissing('なんでパスワードを90日ごとに変えるの', howTo), true);
    const rule = 'フリーソフトの利用\nウイルス混入のおそれがあるため、一覧にないソフトは使用禁止です。';
    assert.equal(askedKindMissing('なんで無料のツールを入れちゃだめなの', rule), false);
    const update = '更新プログラム\n配信から7日たつと、18時に自動で再起動されます。';
    assert.equal(askedKindMissing('なんで夕方に勝手にPCが再起動したの', update), false);
  });
  it('are answered by an entry that speaks of it', () => {
    const why =
      'パスワードの有効期限\n漏えいしたパスワードが使われ続けるのを防ぐため、90日ごとに変更をお願いしています。';
    assert.equal(askedKindMissing('パスワードはなぜ90日ごとに変えるのですか', why), false);
    assert.equal(askedKindMissing('有料の会議室ライセンスはいくら', 'ライセンスは1か月 2,000円です。'), false);
  });
  it('asked about something that does not work, plead for the fix: a troubleshooting entry answers them', () => {
    const fix = '帳票が表示されない\nポップアップブロックを解除してから、もう一度帳票ボタンを押してください。';
    assert.equal(askedKindMissing('帳票ボタンを押しても何も出てこないのはなぜ', fix), false);
    assert.equal(askedKindMissing('なんでプリンターが使えなくなったの', fix), false);
    // An obligation is no malfunction: the reason is still asked for.
    assert.equal(askedKindMissing('なぜパスワードを変えなければならないのですか', howTo), true);
  });
  it('asking for a quantity (何台, 何日前, 何GB) want a number with a counter of the same family, or a limit', () => {
    const lending = '貸出用ノートPCの借り方\nポータルの機器予約から申し込み、窓口で受け取ってください。';
    assert.equal(askedKindMissing('貸出用のノートPCは全部で何台ありますか', lending), true);
    assert.equal(askedKindMissing('ノートPCは何日前までに予約すればいい？', lending), true);
    const reserve = '機器の予約\n予約は利用日の3開庁日前までです。貸出は1人2台までです。';
    assert.equal(askedKindMissing('ノートPCは何日前までに予約すればいい？', reserve), false);
    assert.equal(askedKindMissing('１人何台まで借りられますか', reserve), false);
    // A number of another family is no answer: 「2台」 does not say how many days.
    assert.equal(askedKindMissing('何日借りられますか', '貸出は1人2台までです。'), true);
    assert.equal(askedKindMissing('何日かかりますか', '申請から2週間ほどで届きます。'), false);
    assert.equal(askedKindMissing('メールボックスは何GBまで使えますか', '容量の上限は部署ごとに決めています。'), false);
    // 何回か is no question of number.
    assert.equal(askedKindMissing('何回か印刷しても出てきません', lending), false);
    // How much or how many without a counter wants a number with any counter.
    assert.equal(askedKindMissing('メールボックスの容量はどのくらい？', lending), true);
    assert.equal(askedKindMissing('ロックはどれくらいで解除される？', '30分たつと自動で解除されます。'), false);
  });
  it('asking when (いつ, 何時) want a date, a time or a period', () => {
    const login = 'システムにログインできない\nパスワードを確認し、もう一度ログインしてください。';
    assert.equal(askedKindMissing('会計システムは何時まで使えますか', login), true);
    assert.equal(askedKindMissing('給与明細はいつ届きますか', login), true);
    assert.equal(
      askedKindMissing('会計システムは何時まで使えますか', '利用時間\n平日の8:30から20:00まで使えます。'),
      false,
    );
    assert.equal(
      askedKindMissing('明細はいつ届きますか', '給与明細\n毎月、支給日の前日にポータルに掲載します。'),
      false,
    );
    // いつも is no question of time.
    assert.equal(askedKindMissing('いつも使っているプリンターが動かない', login), false);
  });
  it('leave other questions alone', () => {
    assert.equal(askedKindMissing('パスワードの変え方を教えて', howTo), false);
    assert.equal(askedKindMissing('初期パスワードはどこで分かりますか', howTo), false);
  });
  it('halve the confidence', () => {
    const f = { coverage: 1, questionRecall: 1, questionDice: 1, cosine: 1 };
    assert.equal(confidenceOf({ ...f, askedKindMissing: true }), confidenceOf(f) / 2);
  });
});

describe('the rerank and the asked kind (SearchTuning.rerankKindPenalty)', () => {
  it('takes the malus off a hit that gives none of the asked kind, and only off it', async () => {
    const analyzer = await testAnalyzer();
    const expander = await createQueryExpander(analyzer, 'curated', []);
    const rows: FaqRow[] = [
      {
        id: 'RES-1',
        category: '予約',
        question: '会議室の予約方法',
        answer: '会議室は職員ポータルの施設予約から予約してください。予約の変更や取消もポータルでできます。',
      },
      {
        id: 'RES-2',
        category: '予約',
        question: '施設予約の受付期間',
        answer: '予約は利用日の3開庁日前まで受け付けます。',
      },
    ];
    const chunks = chunkDocuments(faqRowsToDocuments(rows, 'fixtures/rooms.csv'));
    const scores = async (penalty: number, query: string): Promise<Record<string, number>> => {
      const kb = await createKnowledgeBase(chunks, { analyzer, expander, tuning: { rerankKindPenalty: penalty } });
      const hits = (await kb.search(query, { k: 2 })).hits;
      return Object.fromEntries(hits.map((h) => [h.chunk.documentId ?? '', h.score]));
    };
    for (const query of ['会議室の予約は何日前までにすればいい？', '会議室はいつまでに予約すればいい？']) {
      const [without, withMalus] = [await scores(0, query), await scores(0.1, query)];
      assert.ok(Math.abs(without['RES-1'] - withMalus['RES-1'] - 0.1) < 1e-9, query);
      assert.equal(withMalus['RES-2'], without['RES-2'], query);
    }
    // A question that asks for no kind of fact: no malus anywhere.
    assert.deepEqual(await scores(0.1, '会議室を予約したい'), await scores(0, '会議室を予約したい'));
  });
});
