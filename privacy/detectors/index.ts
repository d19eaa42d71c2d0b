/** The privacy/detectors folder's public entry. */
export { detectAddress } from './address';
export {
  detectBankAccount,
  detectInsuranceNumber,
  detectPassport,
  detectPensionNumber,
  detectResidentCode,
} from './in-context';
export { detectBirthDate, COMPACT_DATE, DATE_BODY } from './birth-date';
export { detectCardNumber, passesLuhn } from './card-number';
export { detectEmail } from './email';
export { detectKeyValues, keyType } from './key-values';
export { detectEnglishContext, detectNameByParts } from './english-context';
export { detectEnglishForms, detectForeignScriptNames } from './english-forms';
export { detectMessageNames } from './message-structure';
export { detectRareNames, fillsNameSlot } from './rare-names';
export { detectSpokenNames } from './spoken-names';
export { detectFormNames } from './form-names';
export { detectSpokenAddress } from './spoken-address';
export { detectRecordNames } from './record-names';
export { detectEverydayNames } from './everyday-names';
export { detectDeskPeople } from './desk-people';
export { detectTicketPeople } from './ticket-people';
export { detectEverydayPeople, KATAKANA_FAMILY_NAMES } from './everyday-people';
export { detectWeekPeople } from './week-people';
export { detectLatinCues } from './latin-cues';
export { detectNationalityRows } from './nationality-rows';
export { detectOtherScripts } from './other-scripts';
export { detectOutsidePeople } from './outside-people';
export { detectSignedPeople } from './signed-people';
export { detectKinRows } from './kin-rows';
export { detectTitledLists } from './titled-lists';
export { isCommonGivenName, readsAsGivenName } from './given-names';
export { detectNumberColumns } from './number-columns';
export { detectMyNumber, isValidMyNumber } from './my-number';
export { detectPersonName, READING_AFTER_NAME, READING_WORDS, roleNotReading } from './person-name';
export { detectPhone } from './phone';
export { detectRomajiName, isListedRomajiFamily } from './romaji-name';
export { detectHalfWidthName } from './half-width-name';
export { detectPostalCode } from './postal-code';
export { hasNotPersonWord, notHiraganaGivenName, STAFF_AND_TRADES } from './not-person-words';
export { detectResidentScriptNames } from './resident-scripts';
export { detectThreadPeople } from './thread-people';
export { detectFieldPeople } from './field-people';
export { detectLogPeople } from './log-people';
export { detectClosingPeople } from './closing-people';
export { detectResidentParticles } from './resident-particles';
export { detectFormCells, NAME_LABEL_CELL } from './form-cells';
export { detectSetApartNames } from './set-apart-names';
export { detectTitledPeople } from './titled-people';
export { detectRomanisedNames } from './romanised-names';
export { detectOfficePeople } from './office-people';
