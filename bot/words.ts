/** A letter or a digit of any script: a message without one (emoji, punctuation) has no words to search for. */
const WORD = /[\p{L}\p{N}]/u;

/** Whether a typed message holds any word at all; every channel prompts for text when it does not. */
export function hasWords(text: string): boolean {
  return WORD.test(text);
}
