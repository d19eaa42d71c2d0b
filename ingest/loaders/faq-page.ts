/**
 * FAQ pages: a page (HTML, Markdown, Word, PDF) laid out as questions and answers — headings like
 * 「Q. VPN に接続できません」 or 「パスワードを忘れたときは？」, accordions (`<details><summary>`),
 * `<dt>`/`<dd>` pairs, or paragraphs starting 「Q1．」 followed by 「A．」 — is what public IT-centre and
 * municipal FAQ pages look like. Each question becomes an FAQ document of its own (id
 * `${file}#${anchor}`: the element id of the question when the page has one, else the number printed
 * in its marker — 「Q1-3.」 → `q1-3`, when every question of the page has a number of its own — else
 * `q1`, `q2`… by position), so
 * the search, the confidence and the sources work per question as they do for an FAQ sheet. What the
 * page holds besides its questions stays a manual document. A page with fewer than two questions is
 * an ordinary manual.
 */
import { createHash } from 'node:crypto';
import type { KnowledgeDocument } from '../../knowledge';
import { questionVariants } from '../faq';
import { manualDocument, normalizeText, type Section } from './manual';
import type { SourceFile } from './types';

/**
 * A section as the HTML reader gives it: with the element id of its heading, when there is one; `question`: true
 * when the loader knows the heading asks one, false when it knows it does not (a deck's cover); `continued`: true
 * when it only carries the section before it on over a page break (a PDF), no heading in between.
 */
export type PageSection = Section & { anchor?: string; question?: boolean; continued?: boolean };

/** Fewest questions that make a page an FAQ page. */
const MIN_QUESTIONS = 2;

/** A question's number: 3, ３, or numbered by chapter as FAQ booklets do — 1-3, 2－10, 3.4. */
const NUMBER = String.raw`[0-9０-９]{1,3}(?:\s?[-－‐−–―.．]\s?[0-9０-９]{1,3}){0,2}`;
/**
 * 「Q.」「Q1：」「Ｑ２．」「Q1-3.」「【Q】」「[質問]」「問3.」「Q 」 at the start of a line: a question marker. A bare
 * 「問」 or 「Q」 needs a number, a stop or a space after it (「問題」「Q&A」「QRコード」 are no markers).
 */
const Q_MARKER = new RegExp(
  String.raw`^\s*(?:[【［[]\s*(?:Q|Ｑ|問|質問)\s*(?:NUM)?\s*[】］\]]|(?:Q|Ｑ|問|質問)\s*(?:NUM)?\s*[.．:：、)）]|(?:Q|Ｑ)\s*NUM(?=\s)|(?:Q|Ｑ)(?=\s))\s*`.replaceAll(
    'NUM',
    NUMBER,
  ),
);
/** A marker followed by the question's text. */
const Q_LINE = new RegExp(`${Q_MARKER.source}(?=\\S)`);
/** 「A.」「A：」「Ａ１．」「答え：」「【回答】」 at the start of an answer. */
const A_MARKER =
  /^\s*(?:[【［[]\s*(?:A|Ａ|答え?|回答)\s*[0-9０-９]{0,3}\s*[】］\]]|(?:A|Ａ|答え?|回答)\s*[0-9０-９]{0,3}\s*[.．:：、)）]|(?:A|Ａ)(?=\s))\s*/;
/** 「Ｑ」「Ａ」 run into their text (a dropped space or tab): a marker only as a pair, see faqItems. */
const BARE_Q = /^\s*(?:Q|Ｑ)(?=[一-龥々ぁ-ゖァ-ヶ「『（(])/;
const BARE_A = /^\s*(?:A|Ａ)(?=[一-龥々ぁ-ゖァ-ヶ「『（(])/;
/** A heading phrased as a question: 「…？」「…ですか。」「…には?」. */
const QUESTION_ENDING = /(?:[?？]|(?:ですか|ますか|ませんか|でしょうか|のですか|のか)[。.]?)\s*$/;

/** One question of the page and the text that answers it. */
interface Item {
  question: string;
  answer: string[];
  anchor?: string;
  /** Headings above the question (the page's topic headings), for the category. */
  context: string[];
  /** Heading path of the question's own section: deeper sections belong to its answer. */
  path?: string[];
  page?: number;
  /** The number in the question's marker (「Q1-3.」 → 1-3). */
  label?: string;
}

/** True when a line starts a question or an answer with its marker (「Q1-3.」「A.」「回答：」). */
export function startsWithQaMarker(line: string): boolean {
  return Q_LINE.test(line) || A_MARKER.test(line);
}

/** A sheet's cell without the 「Q.」 / 「A：」 marker it starts with (the text itself when nothing else is left). */
export function withoutQaMarker(cell: string, kind: 'question' | 'answer'): string {
  const rest = cell.replace(kind === 'question' ? Q_MARKER : A_MARKER, '').trim();
  return rest || cell;
}

/** True when a heading reads as a question (a Q marker or a question ending). */
export function isQuestionHeading(heading: string): boolean {
  const text = heading.normalize('NFKC').trim();
  return Q_LINE.test(heading) || QUESTION_ENDING.test(text);
}

/**
 * The documents of a page: its questions as FAQ documents and the rest as a manual, or — when the page
 * has fewer than two questions — the whole page as one manual, as before.
 */
export function pageDocuments(
  file: SourceFile,
  sections: readonly PageSection[],
  found: { title?: string; url?: string },
): KnowledgeDocument[] {
  const { items, rest } = faqItems(asQuestionLevel(sections));
  if (items.length < MIN_QUESTIONS) return [manualDocument(file, sections.map(stripAnchor), found)];
  const base = file.meta?.url || found.url || file.relPath;
  const used = new Set<string>();
  const faqs: KnowledgeDocument[] = [];
  // The printed numbers name the questions when each has one of its own (a booklet's 「Q1-3」).
  const labels = items.map((i) => i.label);
  const numbered = labels.every((l) => l !== undefined) && new Set(labels).size === labels.length;
  items.forEach((item, n) => {
    const answer = normalizeText(item.answer.join('\n').replace(A_MARKER, ''));
    if (!answer) return;
    let anchor = item.anchor && !used.has(item.anchor) ? item.anchor : numbered ? `q${item.label}` : `q${n + 1}`;
    while (used.has(anchor)) anchor = `${anchor}-${n + 1}`;
    used.add(anchor);
    const question = item.question;
    const url = item.anchor ? `${base.split('#')[0]}#${anchor}` : base;
    faqs.push({
      id: `${file.relPath}#${anchor}`,
      kind: 'faq',
      title: question,
      url,
      category: item.context[item.context.length - 1] || file.meta?.title || found.title,
      question,
      alternateQuestions: [],
      derivedQuestions: questionVariants(question),
      answer,
      sourcePath: file.relPath,
      contentHash: createHash('sha256').update(`${file.contentHash}\n${anchor}\n${question}\n${answer}`).digest('hex'),
    });
  });
  if (faqs.length === 0) return [manualDocument(file, sections.map(stripAnchor), found)];
  const restText = rest.filter((s) => normalizeText(s.text).length >= MIN_REST_CHARS);
  return restText.length > 0 ? [...faqs, manualDocument(file, restText.map(stripAnchor), found)] : faqs;
}

/** Share of a heading level's sections asking a question that makes every section of that level an entry. */
const QUESTION_LEVEL_SHARE = 0.4;
/** Fewest question headings on a level for the rule above. */
const QUESTION_LEVEL_MIN = 5;

/**
 * An FAQ page that words some entries as topics (「### 財務会計システムのパスワード初期化」 among 「### …は？」): on a
 * heading level where many sections with text ask a question, every section of that level with text is an entry.
 * A manual with a few 「…とは？」 headings among many does not reach the share.
 */
function asQuestionLevel(sections: readonly PageSection[]): readonly PageSection[] {
  const byDepth = new Map<number, PageSection[]>();
  for (const s of sections) {
    const depth = s.headingPath.length;
    // question: false — a loader knows it is none (a deck's cover).
    if (depth === 0 || !s.text.trim() || s.question === false) continue;
    byDepth.set(depth, [...(byDepth.get(depth) ?? []), s]);
  }
  const levels = new Set<number>();
  for (const [depth, list] of byDepth) {
    const asking = list.filter((s) => s.question || isQuestionHeading(s.headingPath[depth - 1] ?? '')).length;
    if (asking >= QUESTION_LEVEL_MIN && asking >= QUESTION_LEVEL_SHARE * list.length) levels.add(depth);
  }
  if (levels.size === 0) return sections;
  // The deepest such level only: a chapter heading above questions stays a chapter.
  const depth = Math.max(...levels);
  return sections.map((s) =>
    s.headingPath.length === depth && s.text.trim() && s.question !== false ? { ...s, question: true } : s,
  );
}

/** Shorter leftovers (「最終更新日：…」, a contact line) do not make a manual of their own. */
const MIN_REST_CHARS = 40;

function stripAnchor(s: PageSection): Section {
  const { anchor: _anchor, question: _question, continued: _continued, ...section } = s;
  return section;
}

/** Splits sections into question items and the sections that are no part of any question. */
function faqItems(sections: readonly PageSection[]): { items: Item[]; rest: Section[] } {
  const items: Item[] = [];
  const rest: Section[] = [];
  let current: Item | undefined;
  for (const section of sections) {
    const heading = section.headingPath[section.headingPath.length - 1] ?? '';
    const under =
      current?.path !== undefined &&
      section.headingPath.length > current.path.length &&
      current.path.every((h, i) => section.headingPath[i] === h);
    if (under && current) {
      // A sub-heading inside an answer (「手順」「注意事項」) belongs to that answer.
      current.answer.push(heading, section.text);
      continue;
    }
    // The next page of a question's answer goes on with it (not a second entry of the same question): its lines
    // are read below with the question still open.
    const carriedOn = section.continued === true && current !== undefined;
    if (!carriedOn && heading && (section.question || isQuestionHeading(heading))) {
      current = {
        question: cleanQuestion(heading),
        label: markerLabel(heading),
        answer: [],
        anchor: section.anchor,
        context: section.headingPath.slice(0, -1),
        path: [...section.headingPath],
        page: section.page,
      };
      items.push(current);
    } else if (!carriedOn) {
      current = undefined;
    }
    // Questions written as paragraphs (「Q1．…」 then 「A．…」) inside the section's text.
    const before: string[] = [];
    const lines = section.text.split('\n');
    for (const [n, raw] of lines.entries()) {
      // A wiki's markers in bold or in a list (**Q:** …, - Q: … then   - A: …) are markers all the same.
      const line = undecorated(raw);
      // 「Ｑ電話を…」 then 「Ａ次の手順で…」: markers whose space a word processor's export dropped, taken as
      // such only as a pair (a line starting 「A社」 or 「Q太郎」 alone is text).
      const next = undecorated(lines.slice(n + 1).find((l) => l.trim()) ?? '');
      const bare = !Q_LINE.test(line) && BARE_Q.test(line) && BARE_A.test(next);
      if (Q_LINE.test(line) || bare) {
        current = {
          question: bare ? line.replace(BARE_Q, '').trim() : cleanQuestion(line),
          label: markerLabel(line),
          answer: [],
          context: section.headingPath,
          page: section.page,
        };
        items.push(current);
      } else if (current) {
        // The answer's first line without its marker's decoration (**A:** …, - A: …).
        const first = !current.answer.some((l) => l.trim());
        current.answer.push(!first ? raw : A_MARKER.test(line) ? line : raw.replace(BARE_A, ''));
      } else before.push(raw);
    }
    if (before.join('').trim()) rest.push({ ...stripAnchor(section), text: before.join('\n') });
  }
  return { items: items.filter((i) => i.question.length > 0), rest };
}

/**
 * A line without a wiki's decoration around a question's or an answer's marker: a list bullet or a quote
 * mark before it (- Q:, * A:, > Q.), and bold or emphasis marks (**Q:**, __A:__). Other lines are unchanged.
 */
function undecorated(line: string): string {
  const plain = line.replace(/^\s*(?:[-*+]\s+|>\s*)/, '').replace(/\*\*|__/g, '');
  return Q_LINE.test(plain) || A_MARKER.test(plain) || BARE_Q.test(plain) ? plain : line;
}

/** The number of a question's marker, separators as hyphens (「Ｑ１－３．」 → 1-3); none without one. */
function markerLabel(text: string): string | undefined {
  const marker = Q_MARKER.exec(text)?.[0].normalize('NFKC');
  const number = marker && /[0-9](?:[\s\-‐−–―.]*[0-9])*/.exec(marker)?.[0];
  return number ? number.replace(/\s/g, '').replace(/[‐−–―]/g, '-') : undefined;
}

/** The question without its marker (「Q3. 」) and without a trailing colon. */
function cleanQuestion(text: string): string {
  return text.replace(Q_MARKER, '').replace(/\s+/g, ' ').trim();
}
