/**
 * SVG → PNG with resvg compiled to WebAssembly (@resvg/resvg-wasm): no native module and no
 * download at install time, and the same Noto Sans JP the PDF embeds, so the Japanese labels of the
 * xlsx charts render identically on every machine (system fonts are not consulted).
 */
import fs from 'node:fs';
import type { PdfFonts } from './pdf-document';

type ResvgModule = typeof import('@resvg/resvg-wasm');

// The wasm module can be initialised once per process only (a second initWasm throws), so its
// initialisation is shared; it starts with the first chart, not with the server.
let ready: Promise<ResvgModule> | undefined;

function loadResvg(): Promise<ResvgModule> {
  ready ??= (async () => {
    const resvg = require('@resvg/resvg-wasm') as ResvgModule;
    await resvg.initWasm(fs.readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    return resvg;
  })();
  return ready;
}

/** A PNG renderer of SVG charts with the report fonts. */
export type SvgToPng = (svg: string) => Promise<Buffer>;

/** Creates the renderer; the fonts are read once. */
export function createSvgToPng(fonts: PdfFonts): SvgToPng {
  const fontBuffers = [fonts.regular, fonts.bold].map((f) => new Uint8Array(fs.readFileSync(f)));
  return async (svg) => {
    const { Resvg } = await loadResvg();
    const image = new Resvg(svg, {
      font: { fontBuffers, defaultFontFamily: 'Noto Sans JP', loadSystemFonts: false },
      background: '#ffffff',
    }).render();
    try {
      return Buffer.from(image.asPng());
    } finally {
      image.free();
    }
  };
}
