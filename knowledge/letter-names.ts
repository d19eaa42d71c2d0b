/**
 * Latin acronyms spelled out in hiragana, as staff type them without switching the input mode (ゆーえすびー
 * → USB, ぴーしー → PC, ぶいぴーえぬ → VPN): each letter's Japanese name, with the common second spelling of
 * a few letters (ぶい / ゔぃ, えいち / えっち …).
 */
const NAMES: Readonly<Record<string, readonly string[]>> = {
  a: ['えー', 'えい'],
  b: ['びー'],
  c: ['しー'],
  d: ['でぃー'],
  e: ['いー'],
  f: ['えふ'],
  g: ['じー'],
  h: ['えいち', 'えっち'],
  i: ['あい'],
  j: ['じぇー', 'じぇい'],
  k: ['けー', 'けい'],
  l: ['える'],
  m: ['えむ'],
  n: ['えぬ'],
  o: ['おー'],
  p: ['ぴー'],
  q: ['きゅー'],
  r: ['あーる'],
  s: ['えす'],
  t: ['てぃー'],
  u: ['ゆー'],
  v: ['ぶい', 'ゔぃ'],
  w: ['だぶりゅー', 'だぶる'],
  x: ['えっくす'],
  y: ['わい'],
  z: ['ぜっと', 'ぜっど'],
};

/** Acronyms spelled this way: two to five letters. */
const ACRONYM = /^[a-z]{2,5}$/;

/** The hiragana spellings of a lower-case acronym (none for a word of another shape). */
export function letterNameSpellings(word: string): string[] {
  if (!ACRONYM.test(word)) return [];
  let spellings = [''];
  for (const letter of word) spellings = spellings.flatMap((s) => (NAMES[letter] ?? []).map((name) => s + name));
  return spellings;
}
