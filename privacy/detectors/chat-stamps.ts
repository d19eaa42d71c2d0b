/** The pieces of a chat export's speaker field, shared by the rules that read it. */
/** A section, a branch, a ward or a desk as a word before a colleague's name. */
export const UNIT =
  '(?:[一-龥ァ-ヶー]{1,12}(?:課|係|室|班|局|部|所|センター|病棟|外来|デスク|窓口)|外来|ヘルプデスク|窓口)';
/** A time, or a date and a time, in square brackets ([11:02], [2024-10-07 08:51]). */
export const BRACKET_STAMP = '\\[(?:\\d{4}[/.-]\\d{1,2}[/.-]\\d{1,2}[ T])?\\d{1,2}:\\d{2}(?::\\d{2})?\\]';
