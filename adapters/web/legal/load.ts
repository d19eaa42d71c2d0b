/**
 * Reads the legal pages at start: the administrator's file when one is configured (Markdown or text,
 * or HTML by its .html/.htm extension), else the built-in Japanese text naming the organisation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KotaeError } from '../../../core';
import { LEGAL_MESSAGES as M, type LegalContext } from './messages';
import type { LegalContent } from './render';
import type { LegalPages } from './router';

/** Where the contents come from. */
export interface LegalSources extends LegalContext {
  privacyFile?: string;
  termsFile?: string;
}

function fromFile(file: string, variable: string): LegalContent {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new KotaeError('CONFIG_INVALID', `${variable}: cannot read ${file}`, { cause: err });
  }
  if (text.trim() === '') throw new KotaeError('CONFIG_INVALID', `${variable}: ${file} is empty`);
  text = text.replace(/^\uFEFF/, '');
  if (!/\.html?$/i.test(path.extname(file))) return { format: 'markdown', text };
  // A whole document is accepted too: only its body goes into the page.
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(text);
  return { format: 'html', text: body ? body[1] : text };
}

/** The contents of /privacy and /terms; throws CONFIG_INVALID for a configured file that cannot be read. */
export function loadLegalPages(sources: LegalSources): LegalPages {
  return {
    privacy: sources.privacyFile
      ? fromFile(sources.privacyFile, 'KOTAE_PRIVACY_FILE')
      : { format: 'markdown', text: M.privacyDefault(sources) },
    terms: sources.termsFile
      ? fromFile(sources.termsFile, 'KOTAE_TERMS_FILE')
      : { format: 'markdown', text: M.termsDefault(sources) },
  };
}
