/** Number formats shared by every renderer, so the same figure prints the same everywhere. */
import { TEXT } from './labels';

/** '75.0%' or '—' when there is no denominator (or the figure predates the model field). */
export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? TEXT.notAvailable : `${(value * 100).toFixed(1)}%`;
}

/** Business minutes with at most one decimal, or '—' when there is no data. */
export function formatMinutes(value: number | null): string | number {
  return value === null ? TEXT.notAvailable : Math.round(value * 10) / 10;
}
