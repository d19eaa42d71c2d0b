/**
 * Generates the binary manuals of the bundled sample knowledge base (fictional city 「ことのは市」):
 * sample-kb/manuals/telework-guide.pdf (pdfkit, embedded Noto Sans JP subset) and
 * sample-kb/manuals/printer-guide.docx (docx, real Heading1/Heading2 styles).
 * The text lives below in a tiny line-based markup so both files can be regenerated:
 *   npx tsx scripts/build-sample-kb.ts
 * Markup: "# " title, "## " section, "1. " numbered step, "- " bullet, anything else a paragraph.
 */
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';

const TELEWORK_GUIDE = `
# テレワーク・リモートアクセス利用手順書
ことのは市役所 情報政策課（ヘルプデスク 内線 2345）。この手順書は架空の自治体「ことのは市」のサンプルです。
本市のテレワークは、情報政策課が貸し出すテレワーク端末から VPN で庁内に接続し、庁内にある自席の LGWAN接続系パソコンを画面転送で操作する方式です。テレワーク端末にはデータが残らないため、紛失時の情報漏えいのリスクを抑えられます。
## 1. 利用の流れ
1. 所属長の了承を得て、人事課の定める手続で在宅勤務（テレワーク）の勤務申請を行います。
2. 庁内ポータルの「各種申請」→「テレワーク端末・リモートアクセス利用申請」から、利用期間と自席パソコンの資産番号を入力して申請します（利用開始の5営業日前まで）。
3. 承認されると、情報政策課からテレワーク端末の受け取り日時がメールで通知されます。
4. 本庁舎4階の情報政策課窓口で、テレワーク端末を受け取り、ワンタイムパスワードの初期設定を行います。
5. 利用期間が終わったら、テレワーク端末を窓口に返却します。
## 2. ワンタイムパスワードの設定
ワンタイムパスワードは、公用スマートフォンの認証アプリ「ことのはOTP」または貸出用のハードウェアトークンで表示します。番号は30秒ごとに切り替わります。
1. 公用スマートフォンで認証アプリを起動し、「アカウントを追加」を押します。
2. 窓口で提示される設定用の QR コードを読み取ります。
3. アプリに表示された6桁の番号を窓口の担当者に伝え、動作確認を受けます。
公用スマートフォンを持っていない職員には、ハードウェアトークンを貸し出します。スマートフォンの機種変更の前には「ワンタイムパスワード再設定申請」を行ってください。
## 3. テレワーク前日の準備（庁内で行うこと）
1. 自席のパソコンで、パスワードの有効期限が7日以上残っていることを確認します。テレワーク中はパスワードを変更できません。
2. 作業に必要なファイルを、所属の共有フォルダまたは自分の OneDrive に保存します。
3. 自席のパソコンをサインアウトし、電源を入れたままにします。シャットダウンやスリープにすると接続できません。
4. 電話の転送や、不在時の連絡方法を所属内で決めておきます。
## 4. 自宅からの接続手順
1. テレワーク端末の電源を入れ、端末のパスワードでサインインします。
2. 自宅の Wi-Fi に接続します。公衆 Wi-Fi（カフェ、駅など）は利用しないでください。
3. デスクトップの「ことのは VPN」を起動し、ユーザーID（職員番号）とパスワードを入力します。
4. ワンタイムパスワードの入力画面で、認証アプリに表示された6桁の番号を入力します。
5. 「接続済み」と表示されたら、デスクトップの「自席PCに接続」を起動します。
6. 自席パソコンのサインイン画面が表示されたら、職員番号とパスワードでサインインします。
7. 業務を終えるときは、自席パソコンで「サインアウト」を選び（シャットダウンはしない）、VPN を切断します。
## 5. テレワーク中にできないこと
- テレワーク端末からの印刷（自宅のプリンタを含む）はできません。
- USB メモリなどの外部記録媒体は使用できません。
- 自席パソコンの画面から、テレワーク端末へファイルをコピーすることはできません。
- マイナンバー利用事務系のシステムは、テレワークでは利用できません。
## 6. Web会議に参加するとき
画面転送ではカメラやマイクの遅延が大きくなるため、Teams 会議にはテレワーク端末に入っている Teams アプリから直接参加してください。Zoom・Webex の有料ライセンスを使って主催する場合は、施設予約システムの「Web会議ライセンス」で事前に予約が必要です。
## 7. うまくいかないとき
1. VPN に接続できない：自宅のインターネット回線につながっているか確認し、ワンタイムパスワードは切り替わった直後の番号を入力します。
2. 「ユーザー名またはパスワードが違います」と表示される：5回続けて間違えるとアカウントが30分ロックされます。入力は慎重に行ってください。
3. 自席パソコンに接続できない：自席パソコンの電源が切れている可能性があります。所属の職員に電源を入れてもらうよう依頼します。
4. 画面の動きが遅い：自宅のほかの機器で動画を見ていないか確認し、テレワーク端末を再起動します。
## 8. 紛失・盗難のとき
1. 直ちに情報政策課 セキュリティ担当（内線 2350、外線 0000-00-2350）へ連絡します。時間外は情報政策課の緊急連絡先へ連絡します。
2. 情報政策課が VPN のアカウントを停止し、端末を遠隔でロックします。
3. 所属長に報告し、盗難の場合は警察に届け出ます。
4. 後日、「情報セキュリティインシデント報告書」を提出します。
## 9. お問い合わせ先
情報政策課 ヘルプデスク（内線 2345、外線 0000-00-2345）。受付時間は平日 8:30～17:15 です。土日祝日と年末年始（12月29日～1月3日）は受付していません。
`;

const PRINTER_GUIDE = `
# 複合機・プリンタ利用ガイド（認証印刷・スキャン・トナー交換）
ことのは市役所 情報政策課（ヘルプデスク 内線 2345）。このガイドは架空の自治体「ことのは市」のサンプルです。
本市の各フロアには、印刷・コピー・スキャンができる複合機を設置しています。複合機は職員証（IC カード）で利用者を確認する「認証印刷（プルプリント）」方式で、印刷物の取り忘れや持ち去りを防ぎます。
## 1. 初めて使うとき（職員証の登録）
1. 複合機のカードリーダーに職員証をかざします。未登録の場合は「カード登録」画面が表示されます。
2. ユーザーID（職員番号）と、パソコンのログインに使うパスワードを入力します。
3. 「登録」を押すと、以後は職員証をかざすだけでログインできます。
職員証を再発行したときは、新しい職員証で同じ手順を行ってください。
## 2. パソコンから印刷する
1. 印刷したいファイルを開き、「印刷」を選びます。
2. プリンターに「KOTONOHA-PRINT」を選びます（どのフロアの複合機からでも受け取れます）。
3. 必要に応じて「プリンターのプロパティ」でカラーや片面印刷を設定し、「印刷」を押します。
4. 複合機に職員証をかざしてログインし、「プリント」を押します。
5. 一覧から印刷するジョブを選び、「プリント開始」を押します。
6. 印刷が終わったら「ログアウト」を押すか、職員証をもう一度かざします。
印刷ジョブは12時間保存され、受け取られなかったジョブは自動的に削除されます。
## 3. 初期設定とカラー印刷
庁内の複合機は、用紙とトナーの節約のため「白黒・両面・A4」が初期設定です。カラー印刷は所属ごとに枚数を集計しており、毎月、所属長あてに利用状況をお知らせします。住民向けの配布物など、カラーが必要なものに限って利用してください。
## 4. スキャンする
1. 複合機に職員証をかざしてログインし、「スキャン」を押します。
2. 原稿を自動原稿送り装置（上部）または原稿台ガラスにセットします。
3. 送信先で「自分のフォルダへ送信」を選びます。
4. 必要に応じてファイル形式（PDF、検索可能なPDF）、解像度、両面を設定し、「スタート」を押します。
5. ファイルは共有フォルダの「\\\\fs01\\スキャン\\職員番号」に保存されます。7日後に自動で削除されるため、必要なファイルは所属の共有フォルダへ移します。
メールアドレスへのスキャン送信は、誤送信防止のため利用できません。
## 5. トナーを交換する
交換用トナーは、各複合機の横にあるキャビネットに各色1本ずつ置いてあります。パネルに「トナーを交換してください」と表示されたら、次の手順で交換します。
1. パネルの表示で、交換が必要な色（ブラック、シアン、マゼンタ、イエロー）を確認します。
2. 本体の前面カバーを開けます。
3. 該当する色のトナーカートリッジを、手前にゆっくり引き出します。
4. 新しいトナーカートリッジを箱から出し、左右に5～6回よく振ります。
5. カートリッジのラベルの色とスロットの色が一致していることを確認し、奥まで差し込みます。
6. 前面カバーを閉じ、パネルの表示が消えたことを確認します。
7. 使用済みカートリッジは新しいトナーの箱に入れ、キャビネットの「回収」の棚に置きます。
8. ポータルの「各種申請」→「消耗品（トナー）補充依頼」から、複合機の管理番号（本体正面のシール、例：MFP-4F-02）と色を入力します。保守業者が通常2営業日以内に補充します。
## 6. 紙詰まりのとき
1. パネルに表示される紙詰まりの場所（給紙トレイ、右側カバー、排紙部）を確認します。
2. 表示された順にカバーを開け、用紙をゆっくりまっすぐ引き抜きます。
3. 定着部（「高温注意」のラベルがある部分）には触れないでください。
4. すべてのカバーを閉じると、印刷が再開されます。
破れた紙片が取れない場合や、同じ場所で何度も詰まる場合は、無理をせず、管理番号を添えてヘルプデスク（内線 2345）へ連絡してください。
## 7. 印刷できないときの確認事項
- 印刷時に「KOTONOHA-PRINT」を選んでいるか確認します。
- 複合機の一覧にジョブがない場合は、パソコンを再起動してから印刷し直します。
- 文字化けした用紙が大量に出る場合は、パネルの「ジョブ確認」からジョブを削除します。
- 財務会計システムの帳票は、ブラウザのポップアップを許可してから印刷します。
- 解決しない場合は、パソコンの資産番号と複合機の管理番号を添えて、ヘルプデスク（内線 2345）へ連絡します。
`;

type Block = { kind: 'title' | 'section' | 'step' | 'bullet' | 'para'; text: string };

/** Splits the line-based markup into blocks; a step's number is implied by its position. */
function parseMarkup(source: string): Block[] {
  return source
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line): Block => {
      if (line.startsWith('## ')) return { kind: 'section', text: line.slice(3) };
      if (line.startsWith('# ')) return { kind: 'title', text: line.slice(2) };
      if (line.startsWith('- ')) return { kind: 'bullet', text: line.slice(2) };
      const step = /^\d+\.\s+(.*)$/.exec(line);
      if (step) return { kind: 'step', text: step[1] };
      return { kind: 'para', text: line };
    });
}

const ROOT = join(__dirname, '..');
const OUT_DIR = join(ROOT, 'sample-kb', 'manuals');
const FONT_DIR = join(ROOT, 'node_modules', '@expo-google-fonts', 'noto-sans-jp');
// A fixed date keeps regenerated files byte-stable where the libraries allow it.
const FIXED_DATE = new Date('2025-04-01T00:00:00Z');

/** Renders blocks to an A4 PDF with embedded (subset) Noto Sans JP, headings larger and bold. */
function writePdf(blocks: Block[], title: string, file: string): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 60, bottom: 60, left: 60, right: 60 },
    bufferPages: true,
    info: { Title: title, Author: 'ことのは市役所 情報政策課', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  doc.registerFont('body', readFileSync(join(FONT_DIR, '400Regular', 'NotoSansJP_400Regular.ttf')));
  doc.registerFont('bold', readFileSync(join(FONT_DIR, '700Bold', 'NotoSansJP_700Bold.ttf')));
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  let stepNo = 0;

  // Draws `text` at an indent, moving to a new page first if it would not fit.
  const block = (font: string, size: number, text: string, indent: number, label?: string, gap = 4) => {
    doc.font(font).fontSize(size);
    const height = doc.heightOfString(text, { width: width - indent, lineGap: 2 });
    if (doc.y + height > bottom()) doc.addPage();
    const y = doc.y;
    if (label) doc.text(label, left + indent - 18, y, { width: 18, lineBreak: false });
    doc.text(text, left + indent, y, { width: width - indent, lineGap: 2 });
    doc.y += gap;
  };

  for (const b of blocks) {
    if (b.kind !== 'step') stepNo = 0;
    if (b.kind === 'title') block('bold', 20, b.text, 0, undefined, 10);
    if (b.kind === 'section') {
      doc.y += 8;
      if (doc.y + 60 > bottom()) doc.addPage();
      block('bold', 14, b.text, 0, undefined, 6);
    }
    if (b.kind === 'step') block('body', 10.5, b.text, 22, `${++stepNo}.`);
    if (b.kind === 'bullet') block('body', 10.5, b.text, 22, '・');
    if (b.kind === 'para') block('body', 10.5, b.text, 0, undefined, 6);
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Footer sits inside the bottom margin; lift the margin so pdfkit does not break to a new page.
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(9);
    const footer = `${title}　${i + 1} / ${range.count}`;
    doc.text(footer, left, doc.page.height - 40, { width, align: 'center', lineBreak: false });
  }

  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.pipe(out);
    doc.end();
  });
}

/** Renders blocks to a DOCX whose headings use Word's built-in Heading1/Heading2 styles. */
async function writeDocx(blocks: Block[], title: string, file: string): Promise<void> {
  const paragraphs: Paragraph[] = [];
  let list = 0;
  let inList = false;
  for (const b of blocks) {
    if (b.kind === 'step' && !inList) list++;
    inList = b.kind === 'step';
    if (b.kind === 'title') paragraphs.push(new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_1 }));
    if (b.kind === 'section') paragraphs.push(new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 }));
    if (b.kind === 'step') {
      paragraphs.push(new Paragraph({ text: b.text, numbering: { reference: 'steps', level: 0, instance: list } }));
    }
    if (b.kind === 'bullet') paragraphs.push(new Paragraph({ text: b.text, bullet: { level: 0 } }));
    if (b.kind === 'para') paragraphs.push(new Paragraph({ children: [new TextRun(b.text)], spacing: { after: 120 } }));
  }
  const doc = new Document({
    title,
    creator: 'ことのは市役所 情報政策課',
    lastModifiedBy: 'ことのは市役所 情報政策課',
    styles: { default: { document: { run: { font: 'Yu Gothic', size: 21 } } } },
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [{ children: paragraphs }],
  });
  writeFileSync(file, await Packer.toBuffer(doc));
}

async function main(): Promise<void> {
  const pdfFile = join(OUT_DIR, 'telework-guide.pdf');
  const docxFile = join(OUT_DIR, 'printer-guide.docx');
  await writePdf(parseMarkup(TELEWORK_GUIDE), 'テレワーク・リモートアクセス利用手順書', pdfFile);
  await writeDocx(parseMarkup(PRINTER_GUIDE), '複合機・プリンタ利用ガイド', docxFile);
  console.log(`wrote ${pdfFile}\nwrote ${docxFile}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
