/**
 * Japanese telephone numbers: fixed lines (10 digits), mobile and IP phones (070/080/090/050, 11
 * digits), free dial, with or without hyphens, spaces, parentheses or +81. A desk's 4-digit 内線
 * number, IP addresses, error codes and ticket numbers never have this shape.
 */
import type { PiiSpan } from '../types';

const PHONE =
  /(?<![\d\-+\/])(?<![\d]\.)(?<![\da-fA-F]:)(?<!::)(?:\+81[ \-.]?(?:\(0\)[ \-]?)?\d{1,4}|\(0\d{1,4}\)|0\d{1,4})(?:(?:-\n|[ \-.])?\(?\d{1,4}\)?)?(?:-\n|[ \-.])?\d{3,4}(?![\w])(?![\-.\/:]\d)/g;

/** Whether the digits (national form) are a Japanese telephone number. */
export function isJapanesePhone(national: string): boolean {
  return (
    /^0[5789]0\d{8}$/.test(national) ||
    /^0120\d{6}$/.test(national) ||
    /^0800\d{7}$/.test(national) ||
    /^0570\d{6}$/.test(national) ||
    /^0[1-9]\d{8}$/.test(national)
  );
}

/** Finds telephone numbers. */
export function detectPhone(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of normalized.matchAll(PHONE)) {
    let digits = m[0].replace(/\D/g, '');
    if (m[0].startsWith('+81')) digits = `0${digits.slice(2).replace(/^0/, '')}`;
    if (!isJapanesePhone(digits)) continue;
    if (/^0[5789]0\d{7}$/.test(digits)) continue;
    spans.push({ type: 'phone', start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
