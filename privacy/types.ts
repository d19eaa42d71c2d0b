/** The kinds of personal data the masker knows, in the order notices list them. */
export const PII_TYPES = [
  'my_number',
  'phone',
  'email',
  'postal_code',
  'address',
  'birth_date',
  'person_name',
  'bank_account',
  'card_number',
  'pension_number',
  'resident_code',
  'passport',
  'insurance_number',
] as const;

/** One kind of personal data. */
export type PiiType = (typeof PII_TYPES)[number];

/** Japanese names of each type, used in the mask and in the notice to the user. */
export const PII_LABELS: Readonly<Record<PiiType, string>> = {
  my_number: 'マイナンバー',
  phone: '電話番号',
  email: 'メールアドレス',
  postal_code: '郵便番号',
  address: '住所',
  birth_date: '生年月日',
  person_name: '氏名',
  bank_account: '口座番号',
  card_number: 'カード番号',
  pension_number: '基礎年金番号',
  resident_code: '住民票コード',
  passport: '旅券番号',
  insurance_number: '保険者番号',
};

/** A found piece of personal data: [start, end) offsets in the text (UTF-16 units). */
export interface PiiSpan {
  type: PiiType;
  start: number;
  end: number;
}

/** A detector reads the normalised text (same offsets as the original) and returns spans. */
export type PiiDetector = (normalized: string) => PiiSpan[];

/** Tells whether a value is a known type name. */
export function isPiiType(value: string): value is PiiType {
  return (PII_TYPES as readonly string[]).includes(value);
}
