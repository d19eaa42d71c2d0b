/**
 * The other speakers of minutes or a transcript where one was found (session 37 b, the fifty-sixth blind batch): lines
 * opening with a speaker, maybe after a tag in square brackets ([Speaker 2]) and with a note in brackets after it
 * (富樫（斎場）), then a colon and what was said — when one line's speaker is a name found, the other lines' speakers
 * of a name's shape are names too (小此木：人事側で直します。, [Speaker 1] Hosoda: ok, I'll check). Other texts it holds:
 * any meeting minutes, a call or a chat transcript, an exported thread with a rare family name among common ones. The
 * line must say something (kana, or three words in Latin letters); a head naming what the line is (議題, 回答, 結論, 日時)
 * or a role (オペレーター, 相談者) is no speaker.
 */
import type { PiiSpan } from './types';
import { fillsNameSlot, hasNotPersonWord } from './detectors';

/** A speaker's line: maybe a tag in square brackets, the head, maybe a note in brackets, a colon, what was said. */
const SPEAKER_LINE =
  /^[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*)?([一-龥々ヶ]{2,4}|[A-Z][a-z]{1,15})[ \t]*(?:[（(][^）)\n]{1,12}[）)])?[ \t]*[:：][ \t]*([^\n]*)$/dgm;
/** Something said: kana, or three words in Latin letters. */
const SAID = /[ぁ-ゖ]|[A-Za-z']+ [A-Za-z']+ [A-Za-z']+/;
/** Endings of the words that name a line of minutes rather than who speaks (議題, 質問, 回答, 結論, 事項, 内容, 日時 …). */
const LINE_NAME = /[題問答論項告望案定容果要考由的件点時]$/;

const speakerLike = (head: string): boolean =>
  /^[A-Z]/.test(head) ? !hasNotPersonWord(head) : fillsNameSlot(head) && !LINE_NAME.test(head);

/** The speakers of the lines beside a line whose speaker was found. */
export function speakerColumnSpans(normalized: string, spans: readonly PiiSpan[]): PiiSpan[] {
  if (!/[:：]/.test(normalized)) return [];
  const heads: Array<{ start: number; end: number; head: string }> = [];
  for (const m of normalized.matchAll(SPEAKER_LINE)) {
    const at = m.indices![1]!;
    if (SAID.test(m[2]!)) heads.push({ start: at[0], end: at[1], head: m[1]! });
  }
  if (heads.length < 2) return [];
  const found = (h: { start: number; end: number }): boolean =>
    spans.some((s) => s.type === 'person_name' && s.start <= h.start && h.end <= s.end);
  if (!heads.some(found)) return [];
  return heads
    .filter((h) => !found(h) && speakerLike(h.head))
    .map((h) => ({ type: 'person_name' as const, start: h.start, end: h.end }));
}
