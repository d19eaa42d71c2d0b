/**
 * Names written in residents' own scripts on the forms they fill in: after a name label in Korean or Nepali (성명: 박지훈,
 * 이름 김하늘, नाम: सीता गुरुङ), and a Korean name introducing its writer (최민준입니다). The form's label names the value; a
 * Hangul word before 입니다 is a name only when it opens with a common Korean family name.
 */
import type { PiiSpan } from '../types';
import { captured } from './captured';

/** Hangul names after 성명 / 이름, Devanagari names after नाम (name) or पूरा नाम (full name). */
const LABELLED =
  /(?:성명|이름|성함)[ \t]*[:：][ \t]*([가-힣]{2,5}(?![가-힣]))|(?:नाम|नाउँ)[ \t]*[:：][ \t]*([\u0900-\u097F]+(?: [\u0900-\u097F]+){0,3})/dg;

/**
 * The commonest Korean family names (general knowledge: they cover most of the population), as the first syllable of a
 * name of two to four syllables.
 */
const KOREAN_FAMILY =
  '김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉';
/** Introducing oneself in Korean: 최민준입니다, 김하늘이에요, 박서준이라고 합니다. */
const INTRODUCED = new RegExp(
  `(?<![가-힣])([${KOREAN_FAMILY}][가-힣]{1,3})(?=입니다|이에요|예요|이라고 합니다|라고 합니다)`,
  'dg',
);
/** What a message is, said with the same copula (관련 문의입니다: it is an inquiry about …; 질문, 요청, 신청 …). */
const PURPOSE = /^(?:문의|질문|요청|부탁|확인|신청|연락|안내|문제|상담)$/;
/** The writer's name alone on the message's last line, a common family name and one or two syllables. */
const CLOSING_LINE = new RegExp(`\\n[ \\t]*([${KOREAN_FAMILY}][가-힣]{1,2})[ \\t]*$`, 'dg');
/** Closing words of that shape (이상: that is all; 부탁: please). */
const CLOSING_WORD = /^(?:이상|부탁|안녕|감사|문의)/;

/** A label without its colon (이름 김서연, 예금주 이하은: the account holder): the name opens with a common family name. */
const LABELLED_BARE = new RegExp(`(?:성명|이름|성함|예금주)[ \t]+([${KOREAN_FAMILY}][가-힣]{1,3})(?![가-힣])`, 'dg');
/** The label in a sentence, the name with its copula (제 아이 이름은 정하윤이고, 이름은 김서연입니다). */
const LABELLED_SENTENCE = new RegExp(
  `(?:이름은|이름이|성함은)[ \t]+([${KOREAN_FAMILY}][가-힣]{1,3}?)(?=이고|이며|입니다|이에요|예요|이요|[ \t,.。、]|$)`,
  'dg',
);
/** A name in Hangul set apart in a Japanese sentence before です or an honorific (3階の 민지 です, 지우さん). */
const BEFORE_JAPANESE = /(?<![가-힣])([가-힣]{2,4})(?=[ \t]?(?:です|と申します|といいます|さん|様))/dg;
/** In Nepali: my name is … (मेरो नाम राम बहादुर गुरुङ हो), my son / daughter / husband / wife … 's (मेरो छोरा आयुष श्रेष्ठ को). */
const NEPALI_DEVA = '[\u0900-\u097F]+';
const NEPALI_NAMED = new RegExp(
  `मेरो (?:नाम|छोरा|छोरी|श्रीमान्?|श्रीमती) (${NEPALI_DEVA}(?: ${NEPALI_DEVA}){0,3}?) (?:हो|को|का|की)(?![\u0900-\u0963\u0966-\u097F])`,
  'dg',
);
/**
 * A Nepali form's name label without its colon (… नाम सीता गुरुङ, फोन …): two or three words up to a comma or the
 * line's end.
 */
const NEPALI_LABELLED_BARE = new RegExp(
  `(?<![\u0900-\u097F])(?:नाम|नाउँ)[ \t]+(${NEPALI_DEVA}(?: ${NEPALI_DEVA}){1,2})(?=[ \t]*(?:[,，।|\n]|$))`,
  'dg',
);
/** Question words in that place (मेरो नाम के हो? — what is my name?). */
const NEPALI_QUESTION = /^(?:के|को|कुन|कसको)$/;

/** Finds names in Hangul or Devanagari by their label or an introduction. */
export function detectResidentScriptNames(normalized: string): PiiSpan[] {
  if (!/[가-힣\u0900-\u097F]/.test(normalized)) return [];
  return [
    ...captured(normalized, LABELLED),
    ...captured(normalized, INTRODUCED, (name) => !PURPOSE.test(name)),
    ...captured(normalized, CLOSING_LINE, (name) => !CLOSING_WORD.test(name)),
    ...captured(normalized, LABELLED_BARE),
    ...captured(normalized, LABELLED_SENTENCE),
    ...captured(normalized, BEFORE_JAPANESE),
    ...captured(normalized, NEPALI_NAMED, (name) => !NEPALI_QUESTION.test(name)),
    ...captured(normalized, NEPALI_LABELLED_BARE, (name) => !name.split(' ').some((w) => NEPALI_QUESTION.test(w))),
  ];
}
