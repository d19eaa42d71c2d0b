/**
 * Decodes text files whose encoding is not declared: Japanese offices still save CSV and TXT
 * as Shift_JIS (CP932) or EUC-JP, so UTF-8 is only assumed when the bytes are valid UTF-8.
 */
import type * as EncodingJapanese from 'encoding-japanese';
import type * as IconvLite from 'iconv-lite';
import { SKIP_REASONS, skipFile } from './skip-reasons';

/** Encodings the decoder recognises. */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'cp932' | 'euc-jp' | 'iso-2022-jp';

/** Decoded text and the encoding it was read as. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Detects the encoding of `bytes` and decodes them; throws a skip error when it cannot. */
export function decodeText(bytes: Buffer, relPath: string): DecodedText {
  const encoding = detectEncoding(bytes, relPath);
  if (encoding === 'iso-2022-jp') {
    const text = encodingJapanese().convert(bytes, { to: 'UNICODE', from: 'JIS', type: 'string' });
    return { text, encoding };
  }
  const body = encoding === 'utf8' && hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  // iconv-lite strips a UTF-16 BOM itself.
  return { text: (require('iconv-lite') as typeof IconvLite).decode(body, encoding), encoding };
}

function detectEncoding(bytes: Buffer, relPath: string): TextEncoding {
  if (hasUtf8Bom(bytes)) return 'utf8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  if (bytes.subarray(0, 8192).includes(0)) {
    throw skipFile(SKIP_REASONS.binary, `NUL bytes in ${relPath}`);
  }
  if (isValidUtf8(bytes)) return 'utf8';
  const detected = encodingJapanese().detect(bytes);
  if (detected === 'SJIS') return 'cp932';
  if (detected === 'EUCJP') return 'euc-jp';
  if (detected === 'JIS') return 'iso-2022-jp';
  throw skipFile(SKIP_REASONS.unknownEncoding, `cannot detect encoding of ${relPath} (${String(detected)})`);
}

function hasUtf8Bom(bytes: Buffer): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Loaded with the first file to decode, not with the server. */
function encodingJapanese(): typeof EncodingJapanese {
  return require('encoding-japanese') as typeof EncodingJapanese;
}
