/**
 * A learned person-name reader: a logistic regression over the tokens of a morphological analyzer, trained on the
 * labelled person names of the blind batches (bench/name-model.ts). Each token is scored from its letters, its tags,
 * its neighbours and its place in the line; tokens scored at or above the model's threshold, and the tokens joined to
 * them by one space, make one name. Pure: the tokens and the model are given. An experiment of session 35, measured
 * held out by batch and not wired into the masker (README 個人情報のマスキング, Session 35).
 */
import { COMMON_FAMILY_NAMES } from '../privacy/family-names';

/** One token of a morphological analyzer: [start, end) in the text, and its tags (IPADIC: 名詞,固有名詞,人名,姓). */
export interface MorphToken {
  start: number;
  end: number;
  surface: string;
  pos: string;
}

/** The weights of the model and the score from which a token is read as part of a name. */
export interface NameModel {
  bias: number;
  threshold: number;
  weights: Readonly<Record<string, number>>;
}

/** Letter classes: kanji, hiragana, katakana, Latin capitalised, Latin lower, digits, other. */
function script(s: string): string {
  if (/^[\p{Script=Han}々ヶ]+$/u.test(s)) return 'K';
  if (/^[ぁ-ゖー]+$/u.test(s)) return 'H';
  if (/^[ァ-ヺー・ｦ-ﾟ]+$/u.test(s)) return 'k';
  if (/^[A-Z][a-zA-Z'-]*$/u.test(s)) return s.length > 1 && s === s.toUpperCase() ? 'U' : 'L';
  if (/^[a-z][a-z'-]*$/u.test(s)) return 'l';
  if (/^[0-9０-９]+$/u.test(s)) return 'D';
  if (/^\s+$/u.test(s)) return 'S';
  return /\p{L}/u.test(s) ? 'M' : 'P';
}

/** The class of one character next to a token: line edge, space, comma or tab, colon, bracket, or its script. */
function edge(c: string | undefined): string {
  if (c === undefined || c === '\n') return 'NL';
  if (/[ \u3000]/u.test(c)) return 'SP';
  if (/[,，、\t|｜/／]/u.test(c)) return 'SEP';
  if (/[:：]/u.test(c)) return 'COL';
  if (/[（(「『【［[<＜"]/u.test(c)) return 'OPEN';
  if (/[）)」』】］\]>＞"]/u.test(c)) return 'CLOSE';
  return script(c);
}

/** A short word stands as itself; a longer one by its letter class. */
function word(t: MorphToken | undefined): string {
  if (!t) return '#';
  return t.surface.length <= 4 ? t.surface : `~${script(t.surface)}`;
}

/** How far back on its line a token's label is looked for: enough for 氏名： and a name's first word. */
const LABEL_WINDOW = 40;

/** The label a token stands after on its line (氏名：, 担当:), if any. */
function labelBefore(head: string): string | undefined {
  const m = /([^\s:：、,，\t|]{1,8})\s*[:：]\s*(?:[^\s:：]{0,12}\s?)?$/u.exec(head);
  return m?.[1];
}

/** What a token's features need of its line, computed once per line: linear in the text, not in lines × tokens. */
interface LineFacts {
  start: number;
  end: number;
  /** Where its first letter that is no space stands, and where its last one ends (both `end` on a blank line). */
  first: number;
  last: number;
  /** A table row: a tab, or two commas or bars. */
  cell: boolean;
}

function lineFacts(text: string, at: number): LineFacts {
  const found = text.indexOf('\n', at);
  const end = found < 0 ? text.length : found;
  let first = at;
  while (first < end && /\s/u.test(text[first]!)) first++;
  let last = end;
  while (last > first && /\s/u.test(text[last - 1]!)) last--;
  const line = text.slice(at, end);
  return { start: at, end, first, last, cell: /\t|,.*,|\|.*\|/u.test(line) };
}

/** What the features of a token's neighbours read of it, computed once per token. */
interface TokenFacts {
  word: string;
  pos3: string;
  script: string;
}

function tokenFacts(tokens: readonly MorphToken[]): TokenFacts[] {
  return tokens.map((t) => ({
    word: word(t),
    pos3: t.pos.split(',').slice(0, 3).join(','),
    script: script(t.surface),
  }));
}

/** The features of a token by itself: its tags and letters (the same for every occurrence of the token). */
function ownFeatures(t: MorphToken): string[] {
  const s = t.surface;
  const sc = script(s);
  const tags = t.pos.split(',');
  const pos = tags.slice(0, 4).join(',');
  const f = [`p=${pos}`, `p2=${tags.slice(0, 2).join(',')}`, `sc=${sc}`, `len=${Math.min(s.length, 6)}${sc}`];
  if (s.length <= 8) f.push(`s=${s}`);
  const chars = [...s];
  f.push(`c0=${chars[0]}`, `c9=${chars[chars.length - 1]}`);
  for (const c of new Set(chars)) f.push(`u=${c}`);
  const padded = ['^', ...chars, '$'];
  for (let k = 0; k + 1 < padded.length; k++) f.push(`b=${padded[k]}${padded[k + 1]}`);
  if (COMMON_FAMILY_NAMES.has(s)) f.push('fam');
  return f;
}

/** The features of token `i` in its place: its neighbours, the characters at its edges, its line. */
function placeFeatures(
  text: string,
  tokens: readonly MorphToken[],
  i: number,
  facts: LineFacts,
  known: readonly TokenFacts[],
): string[] {
  const t = tokens[i]!;
  const sc = known[i]!.script;
  const pos = t.pos.split(',').slice(0, 4).join(',');
  const f: string[] = [];
  const wordAt = (k: number): string => known[k]?.word ?? '#';
  for (const d of [-2, -1, 1, 2]) {
    const n = known[i + d];
    f.push(`w${d}=${wordAt(i + d)}`, `p${d}=${n ? n.pos3 : '#'}`);
    if (n) f.push(`sc${d}=${n.script}`);
  }
  f.push(`w-1w1=${wordAt(i - 1)}|${wordAt(i + 1)}`, `p&w1=${pos}|${wordAt(i + 1)}`);
  f.push(`p&w-1=${pos}|${wordAt(i - 1)}`);
  const before = edge(text[t.start - 1]);
  const after = edge(text[t.end]);
  f.push(`e-=${before}`, `e+=${after}`, `e=${before}|${sc}|${after}`);
  if (t.start <= facts.first) f.push(`ls|${sc}`);
  if (t.end >= facts.last) f.push(`le|${sc}`);
  const head = text.slice(Math.max(facts.start, t.start - LABEL_WINDOW), t.start);
  const label = head.includes(':') || head.includes('：') ? labelBefore(head) : undefined;
  if (label) f.push(`lab=${label.slice(-4)}`, `lab|${sc}`);
  if (facts.cell) f.push(`cell|${sc}`, `cell|${pos}`);
  return f;
}

/**
 * Calls `each` with the own and place features of every candidate token, each in constant time: the facts of a line
 * are computed once, and a label is looked for in the last {@link LABEL_WINDOW} characters before the token only.
 */
function forEachCandidate(
  text: string,
  tokens: readonly MorphToken[],
  each: (i: number, place: string[]) => void,
): void {
  const known = tokenFacts(tokens);
  let facts: LineFacts | undefined;
  tokens.forEach((t, i) => {
    while (!facts || t.start > facts.end) facts = lineFacts(text, facts ? facts.end + 1 : 0);
    if (isCandidate(t)) each(i, placeFeatures(text, tokens, i, facts, known));
  });
}

/** The features of every token (none for a token without a letter): its letters and tags, its neighbours', its line. */
export function allTokenFeatures(text: string, tokens: readonly MorphToken[]): string[][] {
  const out: string[][] = tokens.map(() => []);
  forEachCandidate(text, tokens, (i, place) => (out[i] = [...ownFeatures(tokens[i]!), ...place]));
  return out;
}

/** The model's probability that each token is part of a person's name (0 for tokens without a letter). */
export function scoreTokens(text: string, tokens: readonly MorphToken[], model: NameModel): number[] {
  // A token's own features weigh the same wherever it stands: summed once per distinct token.
  const own = new Map<string, number>();
  const sum = (features: readonly string[]): number => features.reduce((z, f) => z + (model.weights[f] ?? 0), 0);
  const scores = tokens.map(() => 0);
  forEachCandidate(text, tokens, (i, place) => {
    const t = tokens[i]!;
    const key = `${t.surface}\u0000${t.pos}`;
    let z = own.get(key);
    if (z === undefined) own.set(key, (z = sum(ownFeatures(t))));
    scores[i] = 1 / (1 + Math.exp(-(model.bias + z + sum(place))));
  });
  return scores;
}

/** Tokens that may be part of a name: at least one letter. */
export function isCandidate(t: MorphToken): boolean {
  return /\p{L}/u.test(t.surface);
}

/** Spans of names: runs of tokens scored at or above the threshold, joined across one space or middle dot. */
export function learnedNameSpans(
  text: string,
  tokens: readonly MorphToken[],
  model: NameModel,
  threshold = model.threshold,
): Array<{ start: number; end: number }> {
  const scores = scoreTokens(text, tokens, model);
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    if (scores[i]! < threshold) continue;
    const start = tokens[i]!.start;
    let end = tokens[i]!.end;
    while (i + 1 < tokens.length) {
      const next = tokens[i + 1]!;
      if (next.start === end && scores[i + 1]! >= threshold) {
        end = next.end;
        i++;
        continue;
      }
      const joint = tokens[i + 2];
      if (/^[ \u3000・･]$/u.test(next.surface) && joint && scores[i + 2]! >= threshold) {
        end = joint.end;
        i += 2;
        continue;
      }
      break;
    }
    out.push({ start, end });
  }
  return out;
}

/**
 * The rules' spans with the learned names added where no rule found anything: a learned name never takes the place
 * of a rule's reading (a name cut short would hide the fuller one a later rule finds: Daniel of Daniel Hughes).
 */
export function withLearnedNames<S extends { start: number; end: number }>(
  spans: readonly S[],
  learned: ReadonlyArray<{ start: number; end: number }>,
  make: (span: { start: number; end: number }) => S,
): S[] {
  const free = learned.filter((l) => !spans.some((s) => s.start < l.end && l.start < s.end));
  return free.length === 0 ? [...spans] : [...spans, ...free.map(make)].sort((a, b) => a.start - b.start);
}
