/**
 * One kuromoji analyzer per test run (its dictionary takes about a second to load).
 */
import { createJapaneseAnalyzer, type JapaneseAnalyzer } from '../../../knowledge';

let pending: Promise<JapaneseAnalyzer> | undefined;

/** The shared test analyzer. */
export function testAnalyzer(): Promise<JapaneseAnalyzer> {
  pending ??= createJapaneseAnalyzer();
  return pending;
}
