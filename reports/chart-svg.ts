/**
 * The report's charts as SVG text (the xlsx embeds them as PNG, see chart-png.ts): vertical bars
 * with an optional rate line on a 0–100 % axis, and horizontal bars. Pure string building, escaped.
 */
import { escapeHtml } from '../core';
import { niceMax } from './pdf-charts';

/** A labelled value. */
export interface SvgChartItem {
  label: string;
  value: number;
}

/** A line of rates (0–1, null for no data) drawn over vertical bars. */
export interface RateLine {
  name: string;
  color: string;
  values: (number | null)[];
}

const FONT = 'Noto Sans JP';
const BAR = '#3b6fb6';

function text(x: number, y: number, s: string, size: number, anchor = 'start', color = '#000000'): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${FONT}" font-size="${size}" fill="${color}" text-anchor="${anchor}">${escapeHtml(s)}</text>`;
}

function frame(w: number, h: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<rect width="${w}" height="${h}" fill="#ffffff" stroke="#bbbbbb"/>${text(12, 26, title, 17)}${body}</svg>`;
}

/** Vertical bars (counts, left axis) with every `labelEvery`-th label and optional rate lines (right axis). */
export function barChartSvg(
  title: string,
  items: SvgChartItem[],
  options: { width?: number; height?: number; labelEvery?: number; lines?: RateLine[] } = {},
): string {
  const { width: w = 800, height: h = 360, labelEvery = 1, lines = [] } = options;
  const left = 56;
  const right = w - (lines.length ? 56 : 16);
  const top = 48 + (lines.length ? 18 : 0);
  const bottom = h - 34;
  const max = niceMax(Math.max(0, ...items.map((i) => i.value)));
  const parts: string[] = [];
  for (let g = 0; g <= 4; g += 1) {
    const y = bottom - ((bottom - top) * g) / 4;
    parts.push(`<line x1="${left}" y1="${y}" x2="${right}" y2="${y}" stroke="#dddddd"/>`);
    parts.push(text(left - 6, y + 5, String((max * g) / 4), 13, 'end', '#555555'));
    if (lines.length) parts.push(text(right + 6, y + 5, `${g * 25}%`, 13, 'start', '#555555'));
  }
  const slot = (right - left) / Math.max(1, items.length);
  items.forEach((item, i) => {
    const bh = ((bottom - top) * item.value) / max;
    if (bh > 0)
      parts.push(
        `<rect x="${(left + i * slot + slot * 0.15).toFixed(1)}" y="${(bottom - bh).toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${bh.toFixed(1)}" fill="${BAR}"/>`,
      );
    if (i % labelEvery === 0)
      parts.push(text(left + (i + 0.5) * slot, bottom + 20, item.label, 13, 'middle', '#333333'));
  });
  lines.forEach((line, n) => {
    const points = line.values
      .map((v, i) =>
        v === null ? undefined : `${(left + (i + 0.5) * slot).toFixed(1)},${(bottom - (bottom - top) * v).toFixed(1)}`,
      )
      .filter((p): p is string => p !== undefined);
    if (points.length)
      parts.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${line.color}" stroke-width="3"/>`);
    const lx = left + n * 230;
    parts.push(`<rect x="${lx}" y="${top - 22}" width="14" height="4" fill="${line.color}"/>`);
    parts.push(text(lx + 20, top - 15, line.name, 13));
  });
  parts.push(`<polyline points="${left},${top} ${left},${bottom} ${right},${bottom}" fill="none" stroke="#555555"/>`);
  return frame(w, h, title, parts.join(''));
}

/** Horizontal bars, one row per item, with the value at the end of each bar. */
export function horizontalBarsSvg(
  title: string,
  items: SvgChartItem[],
  options: { width?: number; height?: number } = {},
): string {
  const { width: w = 800, height: h = 360 } = options;
  const left = 200;
  const top = 46;
  const rowH = Math.min(32, (h - top - 12) / Math.max(1, items.length));
  const max = niceMax(Math.max(0, ...items.map((i) => i.value)));
  const width = w - left - 60;
  const parts = items.map((item, i) => {
    const y = top + i * rowH;
    const bw = (width * item.value) / max;
    const label = item.label.length > 14 ? `${item.label.slice(0, 13)}…` : item.label;
    return (
      text(left - 8, y + rowH / 2 + 5, label, 14, 'end') +
      (bw > 0
        ? `<rect x="${left}" y="${(y + rowH * 0.15).toFixed(1)}" width="${bw.toFixed(1)}" height="${(rowH * 0.7).toFixed(1)}" fill="${BAR}"/>`
        : '') +
      text(left + bw + 6, y + rowH / 2 + 5, String(item.value), 13, 'start', '#555555')
    );
  });
  parts.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${top + rowH * items.length}" stroke="#555555"/>`);
  return frame(w, h, title, parts.join(''));
}
