/** Dates of the incident report: the Western JST time with the Japanese era date beside it. */
import { eraYear, formatJst, jstParts } from '../../calendar';

/** '令和8年5月12日' for the JST date of an instant. */
export function formatEraDate(instant: Date): string {
  const p = jstParts(instant);
  return `${eraYear(instant)}${p.month}月${p.day}日`;
}

/** '2026/05/12 09:30（令和8年5月12日）'. */
export function formatJstWithEra(instant: Date): string {
  return `${formatJst(instant)}（${formatEraDate(instant)}）`;
}

/** '2026/06/01（令和8年6月1日）': a date without the time (作成日). */
export function formatDateWithEra(instant: Date): string {
  return `${formatJst(instant).slice(0, 10)}（${formatEraDate(instant)}）`;
}
