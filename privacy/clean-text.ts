/**
 * Text from a client may hold NUL and other control characters or lone UTF-16 surrogates (the
 * morphological analyzer throws on them, databases store them badly). Removed before masking.
 */

// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without control characters and lone surrogates. */
export function cleanUserText(text: string): string {
  return text.replace(LONE_SURROGATE, '').replace(CONTROLS, '');
}
