/**
 * A number or a date typed in pieces, one chat message or line each, as people send them from a phone:
 * [15:01] 酒井: ケータイ 090 ⏎ [15:01] 酒井: 1187 ⏎ [15:02] 酒井: 2264 です; 番号これです ⏎ 080 ⏎ 3346 ⏎ 0912;
 * [10:15] 菅原: 生年月日 ⏎ [10:15] 菅原: 平成9年 ⏎ [10:16] 菅原: 3月18日; 住民票コード ⏎ 08771234550 ⏎ です.
 * A copy of the text with the pieces joined on the first line is read again; what is found across a joint is mapped back
 * piece by piece, so the speakers' heads between them stay as they are.
 */
import type { Reading } from './reading';

/** The joined copy, per character the original range it stands for. */
export interface Pieces extends Reading {
  /** A piece starts at this character (after a removed line break). */
  cut: boolean[];
  /** This character stands for a removed line break and its head: no part of any piece. */
  joint: boolean[];
}

/** A chat message's head: a time, then maybe a speaker and a colon ([15:01] 酒井:, 14:11 高橋：). */
const HEAD =
  /^[ \t]*(?:\[\d{1,2}:\d{2}(?::\d{2})?\]|\d{1,2}:\d{2}(?::\d{2})?)[ \t]*(?:([^\s:：[\]]{1,20})[ \t]*[:：])?[ \t]*/;
/** A line's words that say what the pieces are: a phone, a number, a code, a birth date, an account. */
const LABEL =
  /電話|TEL|Tel|tel|携帯|ケータイ|けいたい|折り?返し|連絡先|番号|ナンバー|コード|生年月日|誕生日|生まれ|口座|記号/;
/** Words before a piece that are no part of it (前半 7713 0248, 後半 9951). */
const LEAD = /^(?:(?:前半|後半|続き|残り|あと)[ \t]*)?/;
/** A piece: digit groups, or a part of a date. */
const PIECE =
  /(?:\d[\d \-]*\d|\d|(?:明治|大正|昭和|平成|令和)[ \t]?(?:\d{1,2}|元)[ \t]?年|\d{1,2}[ \t]?月(?:[ \t]?\d{1,2}[ \t]?日)?|\d{1,2}[ \t]?日)/;
/** What may follow a piece on its line: a word of ending, marks, emoji. */
const FILLER =
  /(?:[ \t]*(?:です|だって|とのこと|になります|でした|ね|よ|かな|まで|以上))?[ \t]*[^\p{L}\p{N}\s]{0,4}[ \t]*$/u;
/** A piece line may go on with a remark of no digits (9046 です 途中で送っちゃった). */
const PIECE_LINE = new RegExp(`^${LEAD.source}(${PIECE.source})(?:${FILLER.source}|[ \\t]+[^\\d\\n]{1,30}$)`, 'u');
const PIECE_AT_END = new RegExp(`(${PIECE.source})${FILLER.source}`, 'u');
/** Pieces after the first line at most. */
const MAX_PIECES = 3;

interface Line {
  start: number;
  end: number;
  body: number;
  speaker: string | undefined;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    const head = HEAD.exec(part);
    lines.push({ start, end: start + part.length, body: start + (head?.[0].length ?? 0), speaker: head?.[1] });
    start += part.length + 1;
  }
  return lines;
}

/** Where a line's pieces end (after its last piece or, on a line of a label alone, after the label), or -1. */
function openEnd(text: string, line: Line): number {
  const body = text.slice(line.body, line.end);
  if (!LABEL.test(body)) return -1;
  const last = PIECE_AT_END.exec(body);
  if (last) return line.body + last.index + last[1]!.length;
  // A label alone (生年月日, 住民票コード, 番号これです(しのはら)): short, no digits.
  return body.length <= 24 && !/\d/.test(body) ? line.body + body.trimEnd().length : -1;
}

/** The copy with pieces joined, or undefined when the text has none. */
export function joinChatPieces(normalized: string): Pieces | undefined {
  if (!normalized.includes('\n')) return undefined;
  const lines = linesOf(normalized);
  // Removed ranges of the original, each replaced by `joint` (one character standing for the break, or none).
  const removed: Array<{ start: number; end: number; joint: string }> = [];
  for (let i = 0; i < lines.length - 1; i++) {
    const end = openEnd(normalized, lines[i]!);
    if (end < 0) continue;
    let at = end;
    let n = 0;
    for (let j = i + 1; j < lines.length && n < MAX_PIECES; j++, n++) {
      const line = lines[j]!;
      // Another speaker's message is no piece of this one.
      if (line.speaker !== undefined && line.speaker !== lines[i]!.speaker) break;
      const body = normalized.slice(line.body, line.end);
      const m = PIECE_LINE.exec(body);
      if (!m) break;
      const pieceStart = line.body + m.index + m[0].indexOf(m[1]!);
      const before = normalized.slice(at - 1, at);
      const piece = m[1]!;
      // A date's parts join with nothing (平成9年 + 3月18日); digit groups with a hyphen or a space.
      const joint = /[年月]$/.test(before) && /^\d/.test(piece) ? '' : /-/.test(piece + before) ? '-' : ' ';
      removed.push({ start: at, end: pieceStart, joint });
      at = pieceStart + piece.length;
      i = j;
    }
  }
  if (removed.length === 0) return undefined;
  const text: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const cut: boolean[] = [];
  const joint: boolean[] = [];
  let cutNext = false;
  const push = (ch: string, start: number, end: number, isJoint: boolean): void => {
    text.push(ch);
    from.push(start);
    to.push(end);
    cut.push(isJoint || cutNext);
    joint.push(isJoint);
    cutNext = false;
  };
  let k = 0;
  for (const r of removed) {
    for (; k < r.start; k++) push(normalized[k]!, k, k + 1, false);
    // The joint stands for the whole removed range; a joint of nothing marks the next character as cut before it.
    if (r.joint) push(r.joint, r.start, r.end, true);
    else cutNext = true;
    k = r.end;
  }
  for (; k < normalized.length; k++) push(normalized[k]!, k, k + 1, false);
  return {
    text: text.join(''),
    from,
    to,
    cut,
    joint,
    // Found across a joint, or right after one (住民票コード ⏎ 08771234550).
    changed: (start, end) => cut.slice(Math.max(0, start - 1), end).some(Boolean),
  };
}

/** A span of the joined copy as the pieces of the original it covers (the joints left out). */
export function piecesOf(pieces: Pieces, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = -1;
  let to = -1;
  for (let k = start; k < end; k++) {
    if (pieces.cut[k]) {
      if (from >= 0) out.push({ start: from, end: to });
      from = -1;
      if (pieces.joint[k]) continue;
    }
    if (from < 0) from = pieces.from[k]!;
    to = pieces.to[k]!;
  }
  if (from >= 0) out.push({ start: from, end: to });
  return out;
}
