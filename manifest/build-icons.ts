/**
 * Draws the Teams app icons with node built-ins only and writes them next to this file:
 * color.png (192×192, full colour) and outline.png (32×32, white on transparent).
 * Run: npx tsx manifest/build-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from './png';

type Rgba = [number, number, number, number];
type Shape = (x: number, y: number) => boolean;

const BLUE: Rgba = [0x1f, 0x5f, 0xbf, 255];
const WHITE: Rgba = [255, 255, 255, 255];

/** A speech bubble (rounded box plus tail) in a unit square, with a check mark cut into it. */
function bubble(inset: number): Shape {
  return (x, y) => {
    const [l, t, r, b, rad] = [0.14 + inset, 0.18 + inset, 0.86 - inset, 0.7 - inset, 0.12];
    const cx = Math.min(Math.max(x, l + rad), r - rad);
    const cy = Math.min(Math.max(y, t + rad), b - rad);
    const inBox = x >= l && x <= r && y >= t && y <= b && (x - cx) ** 2 + (y - cy) ** 2 <= rad ** 2;
    const inTail = y > b - 0.01 && y < 0.86 - inset && x > 0.3 && x < 0.3 + (0.86 - inset - y) * 0.9;
    return inBox || inTail;
  };
}

function nearSegment(x: number, y: number, a: [number, number], b: [number, number], width: number): boolean {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy)) <= width;
}

const check: Shape = (x, y) =>
  nearSegment(x, y, [0.33, 0.44], [0.45, 0.56], 0.045) || nearSegment(x, y, [0.45, 0.56], [0.68, 0.32], 0.045);

/** Renders `paint` with 4×4 supersampling for smooth edges. */
function render(size: number, paint: (x: number, y: number) => Rgba | undefined): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let s = 0; s < 16; s++) {
        const c = paint((px + ((s % 4) + 0.5) / 4) / size, (py + (Math.floor(s / 4) + 0.5) / 4) / size);
        if (c) for (let i = 0; i < 3; i++) acc[i] += c[i] * (c[3] / 255);
        if (c) acc[3] += c[3];
      }
      const alpha = acc[3] / 16;
      const o = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) out[o + i] = alpha > 0 ? Math.round((acc[i] / 16) * (255 / alpha)) : 0;
      out[o + 3] = Math.round(alpha);
    }
  }
  return out;
}

/** The 192×192 colour icon: white bubble with a blue check on a blue field. */
export function colorIcon(): Buffer {
  const shape = bubble(0);
  return encodePng(
    192,
    192,
    render(192, (x, y) => (shape(x, y) ? (check(x, y) ? BLUE : WHITE) : BLUE)),
  );
}

/** The 32×32 outline icon: white bubble outline and check on transparent. */
export function outlineIcon(): Buffer {
  const outer = bubble(0);
  const inner = bubble(0.07);
  return encodePng(
    32,
    32,
    render(32, (x, y) => ((outer(x, y) && !inner(x, y)) || check(x, y) ? WHITE : undefined)),
  );
}

/** Writes color.png and outline.png into `dir`. */
export function writeIcons(dir: string): void {
  writeFileSync(join(dir, 'color.png'), colorIcon());
  writeFileSync(join(dir, 'outline.png'), outlineIcon());
}

if (require.main === module) writeIcons(__dirname);
