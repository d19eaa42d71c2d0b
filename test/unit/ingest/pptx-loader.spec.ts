import { strict as assert } from 'node:assert';
import JSZip from 'jszip';
import { loadPptx } from '../../../ingest/loaders/pptx';
import { SKIP_REASONS } from '../../../ingest/skip-reasons';
import { toSource } from '../../../bot/compose-answer';
import type { SearchHit } from '../../../knowledge/types';
import { sourceFile } from './fixtures';
import { pptxBytes, type SlideSpec } from './pptx-fixture';

const FOOTER = { paragraphs: ['しおさい市 情報政策課 | 2026年4月版'], y: 6400000 };
const CHROME = [
  { ph: 'ftr', paragraphs: ['社外秘'] },
  { ph: 'sldNum', paragraphs: ['3'] },
];

const FAQ_DECK: SlideSpec[] = [
  {
    shapes: [
      { ph: 'ctrTitle', paragraphs: ['ヘルプデスク よくある質問'] },
      { ph: 'subTitle', paragraphs: ['2026年4月版'] },
    ],
  },
  {
    shapes: [
      { ph: 'title', paragraphs: ['目次'] },
      { ph: 'body', paragraphs: ['Q1. パスワードを忘れたときは？', 'Q2. VPNにつながりません'] },
      FOOTER,
    ],
  },
  {
    shapes: [
      FOOTER,
      {
        ph: 'body',
        paragraphs: ['本人確認のうえ、ヘルプデスクが仮パスワードを発行します。', '内線 1234 までご連絡ください。'],
      },
      { ph: 'title', paragraphs: ['Q1. パスワードを忘れたときは？'] },
      ...CHROME,
    ],
    notes: ['仮パスワードの有効期限は24時間です。'],
  },
  {
    hidden: true,
    shapes: [
      { ph: 'title', paragraphs: ['Q9. 作成中の質問？'] },
      { ph: 'body', paragraphs: ['未完成の回答。'] },
      FOOTER,
    ],
  },
  {
    shapes: [
      { ph: 'title', paragraphs: ['Q2. VPNにつながりません'] },
      { paragraphs: ['1. 回線を確認します。', '2. VPNアプリを再起動します。'], y: 1500000 },
      { paragraphs: ['※注意 庁外からのみ使えます。'], y: 4000000 },
      FOOTER,
      ...CHROME,
    ],
  },
];

function hitOf(doc: { id: string; title: string; url: string }, page: number): SearchHit {
  const fields = { title: doc.title, question: '', body: '本文' };
  return {
    chunk: {
      id: `${doc.id}#0`,
      documentId: doc.id,
      kind: 'manual',
      title: doc.title,
      url: doc.url,
      headingPath: [],
      page,
      text: '本文',
      fields,
    },
    score: 1,
  } as unknown as SearchHit;
}

describe('PowerPoint loader (.pptx)', () => {
  it('reads a question per slide in presentation order, with notes, without contents, hidden slides, footers or slide numbers', async () => {
    const { documents, skippedParts } = await loadPptx(sourceFile('faq/deck.pptx', await pptxBytes(FAQ_DECK)));
    assert.deepEqual(skippedParts, []);
    assert.deepEqual(
      documents.map((d) => [d.id, d.kind, d.question, d.answer, d.category]),
      [
        [
          'faq/deck.pptx#q1',
          'faq',
          'パスワードを忘れたときは？',
          '本人確認のうえ、ヘルプデスクが仮パスワードを発行します。\n内線 1234 までご連絡ください。\n仮パスワードの有効期限は24時間です。',
          'ヘルプデスク よくある質問',
        ],
        [
          'faq/deck.pptx#q2',
          'faq',
          'VPNにつながりません',
          '1. 回線を確認します。\n2. VPNアプリを再起動します。\n※注意 庁外からのみ使えます。',
          'ヘルプデスク よくある質問',
        ],
      ],
    );
  });

  it('opens a question at a text box that asks one under a category title, and reads a 質問 / 回答 table row by row', async () => {
    const deck: SlideSpec[] = [
      {
        shapes: [
          { ph: 'title', paragraphs: ['プリンター'] },
          { paragraphs: ['トナーの交換方法は？'], y: 1200000 },
          { paragraphs: ['前面カバーを開け、古いトナーを引き抜きます。'], y: 2000000 },
          { paragraphs: ['紙が詰まったときは？'], y: 3500000 },
          { paragraphs: ['表示された番号のトレイを開けて紙を取り除きます。'], y: 4200000 },
        ],
      },
      {
        shapes: [
          { ph: 'title', paragraphs: ['メールのよくある質問'] },
          {
            table: [
              ['質問', '回答'],
              ['添付ファイルの上限は？', '10MBまでです。'],
              ['迷惑メールの報告先は？', 'ヘルプデスクへ転送してください。'],
            ],
          },
        ],
      },
    ];
    const { documents } = await loadPptx(sourceFile('printer.pptx', await pptxBytes(deck)));
    assert.deepEqual(
      documents.map((d) => [d.question, d.answer, d.category]),
      [
        ['トナーの交換方法は？', '前面カバーを開け、古いトナーを引き抜きます。', 'プリンター'],
        ['紙が詰まったときは？', '表示された番号のトレイを開けて紙を取り除きます。', 'プリンター'],
        ['添付ファイルの上限は？', '10MBまでです。', 'メールのよくある質問'],
        ['迷惑メールの報告先は？', 'ヘルプデスクへ転送してください。', 'メールのよくある質問'],
      ],
    );
  });

  it('keeps a procedure deck as a manual: a section per slide, the slide number as its page, cited as スライドN', async () => {
    const deck: SlideSpec[] = [
      { shapes: [{ ph: 'ctrTitle', paragraphs: ['表紙のタイトル'] }] },
      {
        shapes: [
          { ph: 'title', paragraphs: ['VPN接続手順'] },
          { ph: 'body', paragraphs: ['アプリを起動します。', 'ワンタイムパスワードを入力します。'] },
        ],
      },
      {
        shapes: [
          { paragraphs: ['多要素認証の登録'], y: 300000 },
          { paragraphs: ['認証アプリでQRコードを読み取ります。'], y: 1500000 },
        ],
      },
    ];
    const { documents } = await loadPptx(
      sourceFile('manual/vpn.pptx', await pptxBytes(deck, 'リモート接続マニュアル')),
    );
    assert.equal(documents.length, 1);
    const [doc] = documents;
    assert.equal(doc?.kind, 'manual');
    assert.equal(doc?.title, 'リモート接続マニュアル', 'the document properties name the deck');
    assert.deepEqual(
      doc?.sections?.map((s) => [s.headingPath, s.text, s.page]),
      [
        [['VPN接続手順'], 'アプリを起動します。\nワンタイムパスワードを入力します。', 2],
        [['多要素認証の登録'], '認証アプリでQRコードを読み取ります。', 3],
      ],
    );
    assert.equal(
      toSource(hitOf({ id: doc!.id, title: doc!.title ?? '', url: doc!.url ?? '' }, 3)).title,
      'リモート接続マニュアル（スライド3）',
    );
    assert.equal(toSource(hitOf({ id: 'm.pdf', title: 'PDF手順', url: 'm.pdf' }, 3)).title, 'PDF手順（3ページ）');
  });

  it('makes every titled slide of an FAQ deck an entry, even one titled as a topic, but not the cover', async () => {
    const slide = (title: string, body: string): SlideSpec => ({
      shapes: [
        { ph: 'title', paragraphs: [title] },
        { ph: 'body', paragraphs: [body] },
      ],
    });
    const deck: SlideSpec[] = [
      slide('情報システム よくある質問', 'しおさい市 情報政策課'),
      slide('Q1. パスワードを忘れたときは？', '仮パスワードを発行します。'),
      slide('Q. VPNにつながらない', '回線を確認します。'),
      slide('LoGoチャットを使いたい', '4月1日に自動で作成されます。'),
      slide('USBメモリは使えますか', '暗号化USBメモリを貸し出します。'),
    ];
    const { documents } = await loadPptx(sourceFile('faq.pptx', await pptxBytes(deck)));
    assert.deepEqual(
      documents.map((d) => [d.id, d.kind, d.question ?? d.title]),
      [
        ['faq.pptx#q1', 'faq', 'パスワードを忘れたときは？'],
        ['faq.pptx#q2', 'faq', 'VPNにつながらない'],
        ['faq.pptx#q3', 'faq', 'LoGoチャットを使いたい'],
        ['faq.pptx#q4', 'faq', 'USBメモリは使えますか'],
      ],
    );
  });

  it('skips a protected or legacy deck, a broken zip and a zip without slides with Japanese reasons', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(60)]);
    await assert.rejects(loadPptx(sourceFile('locked.pptx', ole)), { userMessage: SKIP_REASONS.pptxProtected });
    await assert.rejects(loadPptx(sourceFile('bad.pptx', 'PK\u0003\u0004garbage')), {
      userMessage: SKIP_REASONS.pptxCorrupt,
    });
    const empty = new JSZip();
    empty.file('ppt/presentation.xml', '<p:presentation xmlns:p="p"/>');
    const bytes = await empty.generateAsync({ type: 'nodebuffer' });
    await assert.rejects(loadPptx(sourceFile('empty.pptx', bytes)), { userMessage: SKIP_REASONS.pptxCorrupt });
  });

  it('refuses a slide that inflates beyond its bound instead of reading it', async () => {
    const zip = await JSZip.loadAsync(await pptxBytes([{ shapes: [{ ph: 'title', paragraphs: ['大きい'] }] }]));
    zip.file('ppt/slides/slide1.xml', `<p:sld xmlns:p="p">${' '.repeat(17 * 1024 * 1024)}</p:sld>`);
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    assert.ok(bytes.length < 1024 * 1024, 'small on disk');
    await assert.rejects(loadPptx(sourceFile('bomb.pptx', bytes)), { userMessage: SKIP_REASONS.pptxCorrupt });
  });
});
