/**
 * The one personal-data masker: every text a person writes passes here before it is stored,
 * indexed, logged, escalated or sent to a model. Pure: no I/O, no clock.
 */
import { detectAddress } from './detectors';
import { detectBirthDate } from './detectors';
import { detectCardNumber } from './detectors';
import { detectEmail } from './detectors';
import { detectKeyValues } from './detectors';
import { detectEnglishContext, detectEnglishForms, detectForeignScriptNames, detectNameByParts } from './detectors';
import { detectResidentScriptNames } from './detectors';
import {
  detectBankAccount,
  detectInsuranceNumber,
  detectPassport,
  detectPensionNumber,
  detectResidentCode,
} from './detectors';
import { detectMyNumber, detectNumberColumns } from './detectors';
import { detectPersonName } from './detectors';
import { detectEverydayNames, detectMessageNames, detectNationalityRows, detectRecordNames } from './detectors';
import { detectDeskPeople, detectEverydayPeople, detectTicketPeople, detectWeekPeople } from './detectors';
import { detectFormNames, detectRareNames, detectSpokenAddress, detectSpokenNames } from './detectors';
import { detectPhone } from './detectors';
import { detectHalfWidthName, detectLatinCues, detectRomajiName } from './detectors';
import { detectPostalCode } from './detectors';
import { detectKinRows, detectOtherScripts, detectOutsidePeople, detectSignedPeople } from './detectors';
import { detectFieldPeople, detectLogPeople, detectThreadPeople, detectTitledLists } from './detectors';
import { detectClosingPeople, detectFormCells, detectResidentParticles, detectSetApartNames } from './detectors';
import { detectOfficePeople, detectRomanisedNames, detectTitledPeople } from './detectors';
import { cleanUserText } from './clean-text';
import { normalizeForDetection } from './normalize';
import { unifyNameKanji } from './name-kanji';
import { numberRuns } from './number-runs';
import { relatedSpans } from './related-spans';
import { shapedCells } from './cell-shapes';
import { withoutExamples } from './examples';
import { withoutPublicFigures } from './public-figures';
import { withoutNonNames } from './not-names';
import { withoutFacilityRows } from './facility-rows';
import { compactSpacedLines, spacedLettersTest } from './spaced-text';
import { readDictation } from './dictation';
import { rejoinBrokenLines } from './broken-lines';
import { joinChatPieces, piecesOf, type Pieces } from './chat-pieces';
import type { Reading } from './reading';
import { sameNameSpans } from './same-name';
import { correctionSpans } from './corrections';
import { nameScriptSpans, quotedFormSpans } from './name-scripts';
import { sameValueSpans } from './same-value';
import { nameHalfSpans } from './name-halves';
import { splitReadingSpans } from './split-readings';
import { nameExtentSpans } from './name-extents';
import { nameListSpans } from './name-lists';
import { familyMemberSpans } from './family-members';
import { PII_LABELS, PII_TYPES, type PiiSpan, type PiiType } from './types';

/** Optional person-name tagger (e.g. a morphological analyzer's 人名 tags): spans of names. */
export type PersonNameTagger = (text: string) => Array<{ start: number; end: number }>;

/** What masking did to one text. */
export interface MaskResult {
  text: string;
  /** Types masked, in catalogue order, each once. */
  types: PiiType[];
  /** How many items of each type were masked. */
  counts: Partial<Record<PiiType, number>>;
}

/** Masks personal data in text. */
export interface PiiMasker {
  /**
   * The text without control characters and lone surrogates, personal data masked — except the items `keep` accepts
   * (the requester's own name in a reply addressed to them).
   */
  mask(text: string, options?: { keep?: (item: string, type: PiiType) => boolean }): MaskResult;
  /** The spans found (for evaluation), without masking. */
  find(text: string): PiiSpan[];
}

/** Options: the enabled types (default all) and an optional name tagger. */
export interface PiiMaskerOptions {
  types?: readonly PiiType[];
  nameTagger?: PersonNameTagger;
}

/** The mask put in place of one item. */
export function maskFor(type: PiiType): string {
  return `［${PII_LABELS[type]}］`;
}

/**
 * Longest text given to the name tagger (a morphological analyzer takes ~30 µs per character).
 * Every stored text is shorter (comments ≤ 20,000); longer input is refused by its length check.
 */
const MAX_TAGGED_CHARS = 20_000;

// Keyword-bound detectors first: a number after 住民票コード is that, even if it looks like a phone.
function detectAll(normalized: string, tagger?: PersonNameTagger, original?: string): PiiSpan[] {
  const runs = numberRuns(normalized);
  return [
    ...detectResidentCode(normalized),
    ...detectPensionNumber(normalized),
    ...detectPassport(normalized),
    // The rows of a list titled by its numbers (旅券番号一覧): their names before any other reading (北条 真央, not 北条).
    ...detectTitledLists(normalized),
    ...detectInsuranceNumber(normalized),
    ...detectNumberColumns(normalized),
    ...detectBankAccount(normalized),
    ...detectBirthDate(normalized),
    ...detectKeyValues(normalized),
    ...detectMyNumber(normalized, runs),
    ...detectCardNumber(runs, normalized),
    ...detectEmail(normalized),
    ...detectPhone(normalized),
    ...detectPostalCode(normalized),
    ...detectAddress(normalized),
    ...detectSpokenAddress(normalized),
    ...detectResidentParticles(normalized),
    ...detectFormCells(normalized),
    ...detectSetApartNames(normalized),
    ...detectOfficePeople(normalized),
    ...detectTitledPeople(normalized),
    ...detectRomanisedNames(normalized),
    ...detectEnglishContext(normalized),
    ...detectEnglishForms(normalized),
    ...detectForeignScriptNames(normalized),
    ...detectResidentScriptNames(normalized),
    ...detectNationalityRows(normalized),
    ...detectOtherScripts(normalized),
    // Before the labelled names: a label's name may run on into the next word (申請者：ﾁｬﾝ ｳﾞｧﾝ ﾐﾝ 電話なし).
    ...detectHalfWidthName(normalized),
    ...detectPersonName(normalized),
    ...detectMessageNames(normalized),
    ...detectRareNames(normalized),
    ...detectSpokenNames(normalized),
    ...detectFormNames(normalized),
    // A record’s full name may take the place of the given name an honorific found (松尾ハル さん over ハル).
    ...detectRecordNames(normalized).map(fuller),
    ...detectEverydayNames(normalized).map(fuller),
    ...detectDeskPeople(normalized).map(fuller),
    ...detectTicketPeople(normalized).map(fuller),
    ...detectEverydayPeople(normalized).map(fuller),
    ...detectWeekPeople(normalized),
    ...detectOutsidePeople(normalized).map(fuller),
    ...detectSignedPeople(normalized),
    ...detectThreadPeople(normalized),
    ...detectFieldPeople(normalized),
    ...detectLogPeople(normalized),
    ...detectClosingPeople(normalized),
    ...detectKinRows(normalized),
    ...detectRomajiName(normalized),
    ...detectLatinCues(normalized).map(fuller),
    ...(tagger && original && original.length <= MAX_TAGGED_CHARS
      ? tagger(taggerText(original)).map((s) => {
          const span = { ...s, type: 'person_name' as const };
          // Two cells of a row (山口,真由美) stay two names.
          return /[,\t]/.test(original.slice(s.start, s.end)) ? span : fuller(span);
        })
      : []),
    // Names in English text known by their parts alone, last: any rule with context finds them whole.
    ...detectNameByParts(normalized),
  ];
}

/**
 * The text as the name tagger reads it: old kanji forms as today's, and each character outside the BMP (an emoji, 📋)
 * as two symbols of one UTF-16 unit each. A morphological analyzer counts such a character as one position while the
 * text holds it as two units, which shifted every name after an emoji by one (📋⏎比嘉 masked as ⏎比); the same length.
 */
function taggerText(original: string): string {
  return unifyNameKanji(original).replace(/[\u{10000}-\u{10FFFF}]/gu, '■■');
}

/**
 * Fuller readings, which may take the place of a part of them another rule found: the name tagger's family-and-given
 * names, items read in dictated text (1985 年 12 月 3 日 over 1985 年 12 月 3).
 */
const FULLER = new WeakSet<PiiSpan>();
function fuller(span: PiiSpan): PiiSpan {
  FULLER.add(span);
  return span;
}

/**
 * Keeps, in priority order, the spans that do not overlap an earlier one; sorted by position. A fuller reading that
 * holds earlier items of its type whole and overlaps nothing else takes their place (服部 陽菜 over the 陽菜 an
 * honorific found).
 */
function resolve(spans: PiiSpan[], enabled: ReadonlySet<PiiType>, text = ''): PiiSpan[] {
  const kept = new Set<PiiSpan>();
  // Which kept span covers each letter: overlaps are found letter by letter, linear in the spans' lengths.
  const owner = new Map<number, PiiSpan>();
  for (const s of spans) {
    if (!enabled.has(s.type) || s.end <= s.start) continue;
    const overlapped = new Set<PiiSpan>();
    for (let i = s.start; i < s.end; i++) {
      const k = owner.get(i);
      if (k) overlapped.add(k);
    }
    const replaces =
      overlapped.size > 0 &&
      FULLER.has(s) &&
      [...overlapped].every((k) => k.type === s.type && holds(s, trimmed(k, text)) && !holds(k, s));
    if (overlapped.size > 0 && !replaces) continue;
    for (const k of overlapped) {
      kept.delete(k);
      for (let i = k.start; i < k.end; i++) owner.delete(i);
    }
    kept.add(s);
    for (let i = s.start; i < s.end; i++) owner.set(i, s);
  }
  return [...kept].sort((a, b) => a.start - b.start);
}

/**
 * The span without the spaces at its ends: a name an honorific found with the space before it (由香 of 阿部 由香 さん)
 * is still held whole by the tagger's full name.
 */
function trimmed(s: PiiSpan, text: string): PiiSpan {
  let [start, end] = [s.start, s.end];
  while (end > start && /[ \t\u3000]/.test(text[end - 1] ?? '')) end--;
  while (start < end && /[ \t\u3000]/.test(text[start] ?? '')) start++;
  return { ...s, start, end };
}

function holds(outer: PiiSpan, inner: PiiSpan): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * What the detectors (without the name tagger) find in another reading of the text where it changed the text, mapped
 * back to the original as fuller readings.
 */
function readBack(reading: Reading, keep: (s: PiiSpan) => boolean = () => true): PiiSpan[] {
  return detectAll(reading.text)
    .filter((s) => reading.changed(s.start, s.end) && keep(s))
    .map((s) => fuller({ ...s, start: reading.from[s.start]!, end: reading.to[s.end - 1]! }));
}

/** Types never read across the joints of pieces: words, not numbers and dates. */
const NOT_IN_PIECES: ReadonlySet<PiiType> = new Set<PiiType>(['person_name', 'address', 'email']);

/** What the detectors find across the joints of pieces sent one per message, mapped back piece by piece. */
function readPieces(pieces: Pieces, normalized: string): PiiSpan[] {
  return detectAll(pieces.text)
    .filter((s) => !NOT_IN_PIECES.has(s.type) && pieces.changed(s.start, s.end))
    .flatMap((s) => [
      ...piecesOf(pieces, s.start, s.end).map((p) => fuller({ type: s.type, ...p })),
      // The same value written whole elsewhere (平成9年 ⏎ 3月18日 … 平成9年3月18日 ね 了解).
      ...occurrences(normalized, pieces.text.slice(s.start, s.end)).map((at) => ({ type: s.type, ...at })),
    ]);
}

/** Where `value` stands in the text as a whole item (not inside a longer number). */
function occurrences(text: string, value: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  if (value.length < 6) return out;
  for (let i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1))
    if (!/\d/.test(text[i - 1] ?? '') && !/\d/.test(text[i + value.length] ?? ''))
      out.push({ start: i, end: i + value.length });
  return out;
}

/** Creates the masker for the configured types. */
export function createPiiMasker(options: PiiMaskerOptions = {}): PiiMasker {
  const enabled = new Set<PiiType>(options.types ?? PII_TYPES);
  const find = (text: string): PiiSpan[] => {
    if (enabled.size === 0) return [];
    const normalized = normalizeForDetection(text);
    // Non-names go before the spans are resolved too: a number read aloud before さん (ぜろぜろさんはち) must not hold
    // the place of the phone number it is part of.
    let spans = resolve(
      withoutNonNames(normalized, detectAll(normalized, options.nameTagger, text)),
      enabled,
      normalized,
    );
    // Lines spaced out letter by letter (OCR): detected compacted, mapped back.
    const compact = compactSpacedLines(normalized, text);
    if (compact) {
      const back = detectAll(compact.text, options.nameTagger, compact.text).map((s) => ({
        ...s,
        start: compact.origin[s.start] ?? s.start,
        end: (compact.origin[s.end - 1] ?? s.end - 1) + 1,
      }));
      // On a spaced-out line the compacted reading is the whole item (平成 3 年 8 月 2 6 日, not 平成 3 年 8 月 2), and
      // letters set apart there are no name by themselves (金 額).
      const spacedLetters = spacedLettersTest(normalized);
      const kept = spans.filter((s) => s.type !== 'person_name' || !spacedLetters(s.start, s.end));
      spans = resolve([...back, ...kept], enabled);
    }
    // Numbers and addresses dictated by voice input (0 3 の 3 2 1 0, ゼロサン ゴーゴー…): detected as typed, mapped back.
    const dictated = readDictation(normalized);
    if (dictated) spans = resolve([...spans, ...readBack(dictated)], enabled);
    // Words broken across a line, as PDFs and forms copy them (長谷川⏎聡, 昭和⏎50年11月2日): read rejoined, mapped back —
    // but two items found on either side of the break are two (担当：吉田⏎ 菅原さんへ), not one broken across it.
    const rejoined = rejoinBrokenLines(normalized);
    if (rejoined) {
      const ends = new Set(spans.map((s) => s.end));
      const starts = new Set(spans.map((s) => s.start));
      // Nor is a full name found whole before the break (世帯主：山田 太郎⏎異動日 …) a name going on into the next line's
      // word; only a letter of it may (吉村 公⏎一).
      const fullBefore = new Set(
        spans.filter((s) => /\S[ \t]\S/.test(normalized.slice(s.start, s.end))).map((s) => s.end),
      );
      const split = (s: PiiSpan): boolean => {
        for (let k = s.start + 1; k < s.end; k++) {
          if (!rejoined.joined[k]) continue;
          if (ends.has(rejoined.to[k - 1]!) && starts.has(rejoined.from[k]!)) return true;
          const rest = rejoined.text.slice(k, s.end).trim().length;
          if (s.type === 'person_name' && fullBefore.has(rejoined.to[k - 1]!) && rest >= 2) return true;
        }
        return false;
      };
      spans = resolve([...spans, ...readBack(rejoined, (s) => !split(s))], enabled);
    }
    // A number or a date sent in pieces, one message each (ケータイ 090 ⏎ [15:01] 酒井: 1187 ⏎ …).
    const pieces = joinChatPieces(normalized);
    if (pieces) spans = resolve([...spans, ...readPieces(pieces, normalized)], enabled);
    // A name found with a piece left out, made whole before its column is read (鈴鹿 透|真 in a CSV row).
    const cut = nameExtentSpans(normalized, spans).map(fuller);
    if (cut.length > 0) spans = resolve([...spans, ...cut], enabled);
    // Readings after a name, and the other cells of a pasted roster's name and date columns.
    // … each cell read by its own shape too (a row pasted with its columns shuffled).
    const { fromHeaders, fromNames } = shapedCells(normalized, relatedSpans(normalized, spans));
    // A roster header names its cells' type better than a pattern guesses it (a 10-digit 被保険者番号 is no phone);
    // what was found through a name comes after what the detectors found.
    const related =
      fromHeaders.length + fromNames.length > 0 ? resolve([...fromHeaders, ...spans, ...fromNames], enabled) : spans;
    // The other people of a list where some were found (出席者：門脇、鶴見、ウィルソン（CIR）).
    const listed = nameListSpans(normalized, related);
    const all = listed.length > 0 ? resolve([...related, ...listed], enabled) : related;
    // The parts of a full name written alone elsewhere in the text (… -Sarah after From: "Sarah Mitchell").
    // … and the corrected value beside a value found (生年月日 1992.11.08 … 本人申告は 1992.08.11).
    // … and the same name in another script or its reading right after it (박지훈 / パク・チフン).
    const more = [
      ...sameNameSpans(normalized, all),
      ...correctionSpans(normalized, all),
      ...nameScriptSpans(normalized, all),
      ...quotedFormSpans(normalized, all).map(fuller),
      // … and a number found once, said again elsewhere (his card says 00421977).
      ...sameValueSpans(normalized, all),
      // … and the other half of a full name found by one half (主事 楢崎 颯太; 本人 曽我部 ハツ 様).
      ...nameHalfSpans(normalized, all).map(fuller),
      // … and a family's other members and the same name respaced (漆原 由紀子 … 漆原 勝利; 湯浅勘助 … 湯浅 勘助).
      ...familyMemberSpans(normalized, all).map(fuller),
      // … and the readings of a name split in two cells (吉永,和樹,ヨシナガ,カズキ).
      ...splitReadingSpans(normalized, all),
    ];
    const again = more.length > 0 ? resolve([...all, ...more], enabled) : all;
    // The piece left out of a name found, also of one found again (ブラウン・エマ, LEE JI-WOO, 鈴鹿 透真), and its katakana form
    // before its Latin one.
    const whole = nameExtentSpans(normalized, again).map(fuller);
    const named = whole.length > 0 ? resolve([...again, ...whole], enabled) : again;
    return withoutFacilityRows(
      normalized,
      withoutNonNames(normalized, withoutPublicFigures(normalized, withoutExamples(normalized, named))),
    );
  };
  return {
    find,
    mask(raw, options = {}): MaskResult {
      const text = cleanUserText(raw);
      const { keep } = options;
      const spans = keep ? find(text).filter((s) => !keep(text.slice(s.start, s.end), s.type)) : find(text);
      const counts: Partial<Record<PiiType, number>> = {};
      let out = '';
      let at = 0;
      for (const s of spans) {
        out += text.slice(at, s.start) + maskFor(s.type);
        at = s.end;
        counts[s.type] = (counts[s.type] ?? 0) + 1;
      }
      out += text.slice(at);
      return { text: out, types: PII_TYPES.filter((t) => counts[t]), counts };
    },
  };
}

/** The Japanese notice telling the user what was masked; empty when nothing was. */
export function maskNotice(types: readonly PiiType[]): string {
  if (types.length === 0) return '';
  const names = types.map((t) => PII_LABELS[t]).join('、');
  return `※ 個人情報と思われる内容（${names}）は記録せずに伏せ字にしました。個人情報は入力しないでください。`;
}
