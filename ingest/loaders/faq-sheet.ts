/**
 * Turns a table of cells (from CSV or XLSX) into FAQ documents. The header row may use the
 * English column names or the Japanese ones operators actually type (質問, 回答, カテゴリ…).
 */
import type { FaqRow } from '../faq';
import { faqRowsToDocuments, questionVariants } from '../faq';
import { INGEST_WARNINGS, SKIP_REASONS } from '../skip-reasons';
import { withoutQaMarker } from './faq-page';
import { htmlCellText, isHtmlCell } from './html-cell';
import type { LoadResult, SkippedPart, SourceFile } from './types';
import { textWithLink } from './xlsx-cell';

type Column = 'id' | 'category' | 'question' | 'alternates' | 'answer' | 'sourceUrl' | 'status';

const HEADER_NAMES: Readonly<Record<Column, readonly string[]>> = {
  id: ['id', 'no', 'no.', '番号', 'faqid', 'faq番号', '質問番号', '管理番号'],
  category: ['category', 'カテゴリ', 'カテゴリー', '分類', '大分類', 'ジャンル'],
  question: ['question', 'q', '質問', '質問文', '質問内容', '問い'],
  alternates: ['alternatequestions', 'alternates', '言い換え', '別の聞き方', '類似質問'],
  answer: ['answer', 'a', '回答', '回答文', '回答内容', '答え'],
  sourceUrl: ['sourceurl', 'url', '出典url', '出典', '参照url', 'ページurl', 'リンク'],
  status: [
    'status',
    'state',
    'published',
    'ispublished',
    '公開状態',
    '公開',
    '公開区分',
    '公開/非公開',
    'ステータス',
    '状態',
    '掲載',
  ],
};

/** A source URL is a web address (the README's rule for FAQ source URLs). */
const WEB_ADDRESS = /^https?:\/\//i;

/** Header rows may sit under a title row or two; look this far down for them. */
const HEADER_SEARCH_ROWS = 10;

/** One table of a sheet: `rows[i]` is row i + 1 as the operator sees it; `label` prefixes row references. */
export interface SheetTable {
  rows: string[][];
  label: string;
  /**
   * The delimiter of a delimited text (CSV): a row with more filled cells than the header is reported, and
   * when the header's last column is the answer, the extra cells are joined back into it with this.
   */
  delimiter?: string;
  /**
   * Hyperlink targets of a workbook's cells, `links[i][j]` beside `rows[i][j]`: an answer keeps its link in its
   * text (「申請書はこちら（https://…）」), a source URL cell gives the link's address.
   */
  links?: (string | undefined)[][];
}

/** Reads FAQ rows from tables; returns undefined when no table has a question/answer header. */
export function tablesToFaqDocuments(tables: readonly SheetTable[], file: SourceFile): LoadResult | undefined {
  const faqRows: FaqRow[] = [];
  const skippedParts: SkippedPart[] = [];
  const warnings: SkippedPart[] = [];
  const seenIds = new Set<string>();
  let foundHeader = false;
  for (const table of tables) {
    const headerIndex = table.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => mapHeader(r) !== undefined);
    if (headerIndex < 0) continue;
    foundHeader = true;
    const columns = mapHeader(table.rows[headerIndex]) as Map<Column, number>;
    const width = filledWidth(table.rows[headerIndex]);
    const answerLast = columns.get('answer') === width - 1;
    table.rows.slice(headerIndex + 1).forEach((row, i) => {
      const at = `${table.label}:${headerIndex + i + 2}`;
      const links = table.links?.[headerIndex + i + 1];
      let cells = row;
      if (table.delimiter !== undefined && filledWidth(row) > width) {
        // 「…1日上限1,000円です。」 typed without quotes: the answer would end at 「1」.
        warnings.push({ path: at, reason: INGEST_WARNINGS.extraCells(width, filledWidth(row), answerLast) });
        if (answerLast)
          cells = [...row.slice(0, width - 1), row.slice(width - 1, filledWidth(row)).join(table.delimiter)];
      }
      const get = (c: Column): string => {
        const cell = columns.has(c) ? (cells[columns.get(c) as number] ?? '').trim() : '';
        // An export's article body in HTML (<p>, <br>, <ol><li>, &nbsp;): its text.
        const text = isHtmlCell(cell) ? htmlCellText(cell) : cell;
        const link = columns.has(c) ? links?.[columns.get(c) as number] : undefined;
        if (c === 'answer') return textWithLink(text, link);
        if (c === 'sourceUrl' && link && WEB_ADDRESS.test(link)) return link;
        return text;
      };
      if (cells.every((c) => c.trim() === '')) return;
      // A note merged across the row (※ 解決しない場合は…): every cell reads the same; no entry.
      const filled = new Set(cells.map((c) => c.trim()).filter(Boolean));
      if (filled.size === 1 && cells.filter((c) => c.trim()).length > 1) return;
      // An export's unpublished rows (非公開, 下書き, draft, archived) are not answers to give.
      if (!isPublished(get('status'))) return void skippedParts.push({ path: at, reason: SKIP_REASONS.rowUnpublished });
      // 「Q. パスワードの有効期限は？」: the marker a sheet's author typed is no part of the question.
      const question = withoutQaMarker(get('question'), 'question');
      const answer = withoutQaMarker(get('answer'), 'answer');
      if (!question || !answer) return void skippedParts.push({ path: at, reason: SKIP_REASONS.rowMissingQa });
      const id = get('id') || at;
      if (seenIds.has(id)) return void skippedParts.push({ path: at, reason: SKIP_REASONS.rowDuplicateId(id) });
      seenIds.add(id);
      faqRows.push({
        id,
        category: get('category') || undefined,
        question,
        alternateQuestions: splitAlternates(get('alternates')),
        answer,
        sourceUrl: get('sourceUrl') || file.meta?.url,
      });
    });
  }
  if (!foundHeader) return undefined;
  // Question lines derived from each question (see questionVariants), beside the sheet's own alternates.
  const documents = faqRowsToDocuments(faqRows, file.relPath).map((d) => ({
    ...d,
    derivedQuestions: questionVariants(d.question ?? '', d.alternateQuestions),
  }));
  return { documents, skippedParts, ...(warnings.length ? { warnings } : {}) };
}

/** Cells up to the last one holding text (a spreadsheet's CSV export pads rows with empty cells). */
function filledWidth(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i].trim() !== '') return i + 1;
  return 0;
}

function mapHeader(cells: readonly string[]): Map<Column, number> | undefined {
  const columns = new Map<Column, number>();
  cells.forEach((cell, index) => {
    const name = cell
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s_\-]/g, '');
    for (const [column, names] of Object.entries(HEADER_NAMES) as [Column, readonly string[]][]) {
      if (names.includes(name) && !columns.has(column)) columns.set(column, index);
    }
  });
  // Headers as a department's own list words them (問い合わせ内容 / 回答・対処方法, 問合せ内容, 項番), when
  // the usual names are not there.
  cells.forEach((cell, index) => {
    // 質問（Q） / 回答(A): the bracketed gloss aside.
    const name = cell
      .normalize('NFKC')
      .replace(/\s/g, '')
      .replace(/(?<=.)[(（][^)）]*[)）]$/, '');
    for (const [column, pattern] of HEADER_PATTERNS)
      if (pattern.test(name) && !columns.has(column) && ![...columns.values()].includes(index))
        columns.set(column, index);
  });
  return columns.has('question') && columns.has('answer') ? columns : undefined;
}

/** Header words of a question, an answer or a number column beyond the exact names of HEADER_NAMES. */
const HEADER_PATTERNS: ReadonlyArray<[Column, RegExp]> = [
  [
    'question',
    /^(?:お?問い?合わ?せ|質問|相談|問い?|症状|事象|現象)(?:[・/]?(?:質問|相談|問い?合わ?せ|症状|事象))?(?:の?内容|事項|文|項目)?$/,
  ],
  // A knowledge base exported from a helpdesk or a CMS: title and body (Zendesk title / body, ServiceNow
  // short_description / text, a CMS's タイトル / 本文).
  ['question', /^(?:title|subject|summary|short_?description|タイトル|件名|表題|見出し)$/i],
  ['answer', /^(?:回答|答え?|対処|対応|解決|解答)(?:[・/]?(?:対処|対応|解決|回答))?(?:方法|内容|文|策|手順)?$/],
  ['answer', /^(?:body|text|content|resolution|solution|article_?body|本文|内容|解決策)$/i],
  ['id', /^(?:No|NO|no|№|項番|通番|整理番号|問番号)\.?$/],
  // 記事ID, ナレッジ番号, article_id, kb_id (not a phone's or an extension's number).
  [
    'id',
    /^(?!.*(?:電話|内線|郵便|口座|FAX))(?:[一-龥ァ-ヶー]{1,5}|article_?|kb_?|knowledge_?|faq_?)(?:ID|Id|id|番号|No\.?|NO\.?|コード)$/,
  ],
];

/** Values of a status column that keep a row out: drafts, withdrawn and private articles, or a false flag. */
const UNPUBLISHED =
  /^(?:非公開|未公開|下書き|下書|草稿|作成中|編集中|承認待ち|申請中|廃止|無効|停止|削除済み?|アーカイブ|draft|archived|unpublished|private|hidden|inactive|retired|deleted|false|0|no|いいえ|×|✕)$/i;

function isPublished(status: string): boolean {
  return !UNPUBLISHED.test(status.normalize('NFKC').trim());
}

function splitAlternates(cell: string): string[] {
  return cell
    .split(/[|｜\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
