/**
 * Text from a client may hold NUL and other control characters or lone UTF-16 surrogates (the
 * morphological analyzer throws on them, databases store them badly), and invisible zero-width
 * characters (a message of only these has no words). Removed before masking and by every channel.
 */

// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Zero-width space and non-joiner, word joiner, BOM.
const ZERO_WIDTH = /[\u200B\u200C\u2060\uFEFF]/g;
// The zero-width joiner, except where it joins an emoji sequence (🙇‍♂️).
const LONE_JOINER = /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D/gu;

/** The text without control characters, lone surrogates and invisible zero-width characters. */
export function cleanUserText(text: string): string {
  return text.replace(LONE_SURROGATE, '').replace(CONTROLS, '').replace(ZERO_WIDTH, '').replace(LONE_JOINER, '');
}
