/**
 * Which files may be attached (the allow-list), and the check of their content while it streams:
 * size counted chunk by chunk, magic bytes against the claimed extension/type, text that really is
 * UTF-8 or Shift_JIS without NULs. Pure: no I/O, used by AttachmentService with any file store.
 */
import { KotaeError } from '../core';
import { ATTACHMENT_MESSAGES } from './attachment-messages';

/** One kind of file on the allow-list. */
interface FileKind {
  extensions: readonly string[];
  /** Types a client may claim for it besides the generic ones. */
  types: readonly string[];
  /** The type it is stored and served with. */
  contentType: string;
  /** Accepted leading bytes (any of them); undefined for text, which is checked as a whole. */
  magic?: readonly (readonly (number | undefined)[])[];
  /** Shown inline (img) rather than downloaded. */
  image?: boolean;
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const ZIP = [ascii('PK\x03\x04'), ascii('PK\x05\x06')];
const OLE = [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]];
const OOXML = 'application/vnd.openxmlformats-officedocument';

const KINDS: readonly FileKind[] = [
  {
    extensions: ['png'],
    types: ['image/png'],
    contentType: 'image/png',
    magic: [[0x89, ...ascii('PNG\r\n\x1a\n')]],
    image: true,
  },
  {
    extensions: ['jpg', 'jpeg'],
    types: ['image/jpeg', 'image/pjpeg'],
    contentType: 'image/jpeg',
    magic: [[0xff, 0xd8, 0xff]],
    image: true,
  },
  {
    extensions: ['gif'],
    types: ['image/gif'],
    contentType: 'image/gif',
    magic: [ascii('GIF87a'), ascii('GIF89a')],
    image: true,
  },
  {
    extensions: ['webp'],
    types: ['image/webp'],
    contentType: 'image/webp',
    magic: [[...ascii('RIFF'), undefined, undefined, undefined, undefined, ...ascii('WEBP')]],
    image: true,
  },
  {
    extensions: ['pdf'],
    types: ['application/pdf', 'application/x-pdf'],
    contentType: 'application/pdf',
    magic: [ascii('%PDF-')],
  },
  { extensions: ['txt', 'log'], types: ['text/plain', 'text/x-log'], contentType: 'text/plain' },
  {
    extensions: ['csv'],
    types: ['text/csv', 'text/plain', 'text/x-csv', 'application/vnd.ms-excel', 'application/csv'],
    contentType: 'text/csv',
  },
  {
    extensions: ['docx'],
    types: [`${OOXML}.wordprocessingml.document`],
    contentType: `${OOXML}.wordprocessingml.document`,
    magic: ZIP,
  },
  {
    extensions: ['xlsx'],
    types: [`${OOXML}.spreadsheetml.sheet`],
    contentType: `${OOXML}.spreadsheetml.sheet`,
    magic: ZIP,
  },
  {
    extensions: ['pptx'],
    types: [`${OOXML}.presentationml.presentation`],
    contentType: `${OOXML}.presentationml.presentation`,
    magic: ZIP,
  },
  { extensions: ['doc'], types: ['application/msword'], contentType: 'application/msword', magic: OLE },
  { extensions: ['xls'], types: ['application/vnd.ms-excel'], contentType: 'application/vnd.ms-excel', magic: OLE },
  {
    extensions: ['ppt'],
    types: ['application/vnd.ms-powerpoint'],
    contentType: 'application/vnd.ms-powerpoint',
    magic: OLE,
  },
  {
    extensions: ['zip'],
    types: ['application/zip', 'application/x-zip-compressed', 'application/x-zip'],
    contentType: 'application/zip',
    magic: ZIP,
  },
];

/** Types that say nothing about the content (browsers send them for unknown extensions). */
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

/** The image types shown inline; everything else is served as a download. */
export const INLINE_IMAGE_TYPES: ReadonlySet<string> = new Set(KINDS.filter((k) => k.image).map((k) => k.contentType));

/** What a client says about a file. */
export interface AttachmentClaim {
  fileName: string;
  contentType?: string;
}

/** The checked identity of a file: a safe name and the type it is stored with. */
export interface CheckedClaim {
  fileName: string;
  contentType: string;
  kind: FileKind;
}

/** Longest stored file name (characters), extension kept. */
const MAX_NAME = 200;

/**
 * A file name without folders, control characters or leading dots, at most MAX_NAME characters. Zero-width and
 * bidirectional control characters are dropped: `report\u202Egpj.txt` showed as 「reporttxt.jpg」 in the console.
 */
export function safeFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  if (base.length <= MAX_NAME) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, MAX_NAME - ext.length) + ext;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function bareType(type: string | undefined): string {
  return (type ?? '').split(';')[0].trim().toLowerCase();
}

/** Picks the allow-listed kind from the name (or, without an extension, the claimed type); refuses others. */
export function checkClaim(claim: AttachmentClaim, maxBytes: number): CheckedClaim {
  const type = bareType(claim.contentType);
  const ext = extensionOf(claim.fileName);
  const kind = ext
    ? KINDS.find((k) => k.extensions.includes(ext))
    : KINDS.find((k) => k.types.includes(type) || k.contentType === type);
  if (!kind)
    throw new KotaeError('INPUT_INVALID', `attachment type not allowed: .${ext} ${type}`, {
      userMessage: ATTACHMENT_MESSAGES.forbidden(maxBytes),
    });
  if (
    !GENERIC_TYPES.has(type) &&
    !kind.types.includes(type) &&
    !(kind.contentType.startsWith('text/') && type.startsWith('text/'))
  )
    throw new KotaeError('INPUT_INVALID', `claimed type ${type} does not match .${ext}`, {
      userMessage: ATTACHMENT_MESSAGES.mismatch(claim.fileName),
    });
  const base = safeFileName(claim.fileName) || 'file';
  const fileName = ext ? base : `${base}.${kind.extensions[0]}`;
  return { fileName, contentType: kind.contentType, kind };
}

/** The extension of an allow-listed image from its first bytes (e.g. Teams' `image/*` without a name). */
export function imageExtensionOf(head: Uint8Array): string | undefined {
  const kind = KINDS.find((k) => k.image && k.magic?.some((m) => m.every((b, i) => b === undefined || head[i] === b)));
  return kind?.extensions[0];
}

/** Whether the kind is displayed inline. */
export function isInlineImage(contentType: string): boolean {
  return INLINE_IMAGE_TYPES.has(bareType(contentType));
}

/** What the inspection learned once the stream ended. */
export interface Inspection {
  sizeBytes: number;
  contentType: string;
}

/**
 * Passes the chunks through while checking them: throws INPUT_TOO_LARGE as soon as more than
 * maxBytes went by, INPUT_INVALID for an empty file, wrong magic bytes or text that is not text.
 * `result()` is available after the iteration finished.
 */
export function inspectContent(
  source: AsyncIterable<Uint8Array>,
  checked: CheckedClaim,
  maxBytes: number,
): { chunks: AsyncIterable<Uint8Array>; result(): Inspection } {
  let done: Inspection | undefined;
  const { kind } = checked;
  const mismatch = () =>
    new KotaeError('INPUT_INVALID', `content of ${checked.fileName} is not ${kind.contentType}`, {
      userMessage: ATTACHMENT_MESSAGES.mismatch(checked.fileName),
    });
  async function* run(): AsyncGenerator<Uint8Array> {
    let size = 0;
    const head: number[] = [];
    const text = kind.magic ? undefined : new TextCheck();
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes)
        throw new KotaeError('INPUT_TOO_LARGE', `attachment over ${maxBytes} bytes`, {
          userMessage: ATTACHMENT_MESSAGES.tooLarge(maxBytes),
        });
      if (head.length < 16) head.push(...chunk.subarray(0, 16 - head.length));
      if (text && !text.push(chunk)) throw mismatchText(checked.fileName);
      yield chunk;
    }
    if (size === 0)
      throw new KotaeError('INPUT_INVALID', 'empty attachment', { userMessage: ATTACHMENT_MESSAGES.empty(maxBytes) });
    if (kind.magic && !kind.magic.some((m) => m.every((b, i) => b === undefined || head[i] === b))) throw mismatch();
    const charset = text?.finish();
    if (text && !charset) throw mismatchText(checked.fileName);
    done = { sizeBytes: size, contentType: charset ? `${kind.contentType}; charset=${charset}` : kind.contentType };
  }
  return {
    chunks: run(),
    result: () => {
      if (!done) throw new KotaeError('INTERNAL', 'inspection read before the content ended');
      return done;
    },
  };
}

function mismatchText(fileName: string): KotaeError {
  return new KotaeError('INPUT_INVALID', `${fileName} is not UTF-8 or Shift_JIS text`, {
    userMessage: ATTACHMENT_MESSAGES.notText(fileName),
  });
}

/** Streams text through strict UTF-8 and Shift_JIS decoders; NUL bytes are never text. */
class TextCheck {
  private utf8: TextDecoder | undefined = new TextDecoder('utf-8', { fatal: true });
  private sjis: TextDecoder | undefined = new TextDecoder('shift_jis', { fatal: true });

  push(chunk: Uint8Array): boolean {
    if (chunk.includes(0)) return false;
    this.utf8 = feed(this.utf8, chunk, true);
    this.sjis = feed(this.sjis, chunk, true);
    return this.utf8 !== undefined || this.sjis !== undefined;
  }

  /** The charset that decoded everything (UTF-8 preferred), or undefined. */
  finish(): string | undefined {
    this.utf8 = feed(this.utf8, new Uint8Array(0), false);
    this.sjis = feed(this.sjis, new Uint8Array(0), false);
    return this.utf8 ? 'utf-8' : this.sjis ? 'shift_jis' : undefined;
  }
}

function feed(decoder: TextDecoder | undefined, chunk: Uint8Array, stream: boolean): TextDecoder | undefined {
  if (!decoder) return undefined;
  try {
    decoder.decode(chunk, { stream });
    return decoder;
  } catch {
    return undefined;
  }
}
