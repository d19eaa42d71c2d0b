/**
 * What a question does with its verbs: a verb the staff member has already acted on (「借りてるプロジェクター」
 * 「送ったメール」「開いてしまった」: done) is the situation, while a verb asked for (「借りたい」「借りる方法」
 * 「返却方法」: wanted) is the request. An FAQ entry that offers to do what the question presupposes done (the
 * lending entry for 「借りてるプロジェクターをもう少し使いたい」), or the reverse (the extension entry 「借りている
 * 機器を延ばしたい」 for 「プロジェクターを借りたい」), shares the verb but answers another question. A general rule
 * of Japanese verb endings (た, ている, てしまう, たい, 〜する方法, 〜するには), read off kuromoji's tokens; no word list.
 */
import type kuromoji from 'kuromoji';

/** How a question uses one verb or verbal noun. */
export type Aspect = 'done' | 'wanted';

type Token = kuromoji.IpadicFeatures;

/** Auxiliary verbs after て that make a state or a completed act (借りている, 開いてしまった, 戻ってきた). */
const DONE_AFTER_TE = new Set(['いる', 'おる', 'しまう', 'ある', 'くる', 'てる', 'でる', 'ちゃう', 'じゃう']);
/** Nouns after a plain verb or a verbal noun that ask how to do it (借りる方法, 返却手順). */
const HOW_NOUNS = new Set(['方法', '手順', 'やり方', '仕方', '手続き', '手続']);

/** The aspect of the predicate whose last token is at `i` (a verb, or a verbal noun followed by `i + 1`). */
function aspectAfter(tokens: readonly Token[], i: number): Aspect | undefined {
  const next = tokens[i + 1];
  if (!next) return undefined;
  const base = next.basic_form;
  if (next.pos === '助動詞' && base === 'た') return 'done';
  if (next.pos === '助動詞' && base === 'たい') return 'wanted';
  if (next.pos === '動詞' && next.pos_detail_1 === '非自立' && DONE_AFTER_TE.has(base)) return 'done';
  if (next.pos === '助詞' && (base === 'て' || base === 'で')) {
    const after = tokens[i + 2];
    if (after?.pos === '動詞' && after.pos_detail_1 === '非自立' && DONE_AFTER_TE.has(after.basic_form)) return 'done';
    return undefined;
  }
  if (next.pos === '名詞' && HOW_NOUNS.has(base)) return 'wanted';
  // 借りるには, 延長するには: the plain form before には is the purpose asked for.
  if (
    next.pos === '助詞' &&
    base === 'に' &&
    tokens[i].conjugated_form === '基本形' &&
    tokens[i + 2]?.basic_form === 'は'
  )
    return 'wanted';
  return undefined;
}

/**
 * Each verb's and verbal noun's aspect in a text, by its index term (`termOf`: the analyzer's fold of a base form);
 * a term used both ways is left out (the text does not say which it is about).
 */
export function verbAspects(
  tokens: readonly Token[],
  termOf: (base: string) => string | undefined,
): Map<string, Aspect> {
  const seen = new Map<string, Aspect | 'both'>();
  const note = (base: string, aspect: Aspect | undefined): void => {
    const term = aspect && termOf(base);
    if (!aspect || !term) return;
    const had = seen.get(term);
    seen.set(term, had === undefined || had === aspect ? aspect : 'both');
  };
  tokens.forEach((t, i) => {
    if (t.pos === '動詞' && t.pos_detail_1 === '自立' && t.basic_form !== 'する')
      note(t.basic_form, aspectAfter(tokens, i));
    if (t.pos === '名詞' && t.pos_detail_1 === 'サ変接続') {
      const next = tokens[i + 1];
      // 延長したい, 返却した: the aspect of the する that makes it a verb; 返却方法: asked for.
      if (next?.pos === '動詞' && next.basic_form === 'する') note(t.basic_form, aspectAfter(tokens, i + 1));
      else if (next?.pos === '名詞' && HOW_NOUNS.has(next.basic_form)) note(t.basic_form, 'wanted');
    }
  });
  const out = new Map<string, Aspect>();
  for (const [term, aspect] of seen) if (aspect !== 'both') out.set(term, aspect);
  return out;
}

/**
 * Whether an entry's question lines use a verb the query uses the other way (done against wanted), with no line using
 * it the query's way. `alternatives`: per query term, the terms that stand for it (synonym expansion).
 */
export function aspectClash(
  query: ReadonlyMap<string, Aspect>,
  alternatives: (term: string) => Iterable<string>,
  lines: readonly ReadonlyMap<string, Aspect>[],
): boolean {
  for (const [term, aspect] of query) {
    let same = false;
    let other = false;
    for (const alt of alternatives(term))
      for (const line of lines) {
        const a = line.get(alt);
        if (a === aspect) same = true;
        else if (a !== undefined) other = true;
      }
    if (other && !same) return true;
  }
  return false;
}

/** Verbs that carry another word's predicate (接続できない, 印刷する) or none of their own (なる, ある, いる). */
const LIGHT_VERBS = new Set(['する', 'できる', 'なる', 'ある', 'いる', 'おる']);

/** Whether the predicate ending at `i` is negated by what follows (できません, 出てこない, 見られない, できず). */
function negatedAfter(tokens: readonly Token[], i: number): boolean {
  for (let j = i + 1; j < Math.min(tokens.length, i + 6); j++) {
    const t = tokens[j];
    if (
      (t.pos === '助動詞' || t.pos === '形容詞') &&
      (t.basic_form === 'ない' || t.basic_form === 'ぬ' || t.basic_form === 'ん')
    )
      return true;
    // ます, れる / られる, ている, てくる, て: the predicate goes on.
    const goesOn =
      (t.pos === '助動詞' && t.basic_form !== 'た' && t.basic_form !== 'だ' && t.basic_form !== 'です') ||
      (t.pos === '動詞' && (t.pos_detail_1 === '非自立' || t.pos_detail_1 === '接尾')) ||
      (t.pos === '助詞' && t.pos_detail_1 === '接続助詞' && (t.basic_form === 'て' || t.basic_form === 'で'));
    if (!goesOn) return false;
  }
  return false;
}

/**
 * The verbs and verbal nouns a text says are not happening (「VPNに接続できません」「紙が出てこない」「見られない」:
 * 接続, 出る, 見る), by index term. A trouble report and the FAQ entry written for it say the same thing fails; an
 * entry that uses the verb without saying it fails (「VPNに接続すると遅くなる」) is about something else. A general
 * rule of Japanese negation (ない, ぬ, ん after the predicate and its auxiliaries), read off kuromoji's tokens.
 */
export function negatedVerbs(tokens: readonly Token[], termOf: (base: string) => string | undefined): Set<string> {
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    let base: string | undefined;
    if (t.pos === '動詞' && t.pos_detail_1 === '自立' && !LIGHT_VERBS.has(t.basic_form)) base = t.basic_form;
    // 接続できない, ログインできず, 印刷しない: the noun before する / できる is the predicate.
    if (t.pos === '名詞' && (t.pos_detail_1 === 'サ変接続' || t.pos_detail_1 === '一般')) {
      const next = tokens[i + 1];
      if (next?.pos === '動詞' && (next.basic_form === 'する' || next.basic_form === 'できる')) {
        if (negatedAfter(tokens, i + 1)) {
          const term = termOf(t.basic_form === '*' ? t.surface_form : t.basic_form);
          if (term) out.add(term);
        }
        return;
      }
    }
    if (base === undefined || !negatedAfter(tokens, i)) return;
    const term = termOf(base);
    if (term) out.add(term);
  });
  return out;
}
