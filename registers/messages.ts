/** Japanese texts of the registers and lending (errors, labels); the console pages have their own catalogue. */
import type { BookingStatus, EquipmentKind, RegisterKind } from './types';

/** Register names. */
export const REGISTER_LABELS: Readonly<Record<RegisterKind, string>> = {
  ip: 'IPアドレス',
  computer_name: 'コンピュータ名',
};

/** Equipment kinds. */
export const EQUIPMENT_LABELS: Readonly<Record<EquipmentKind, string>> = {
  web_conference: 'Web会議端末',
  training: '研修用端末',
  paperless: 'ペーパーレス会議端末',
};

/** Booking states. */
export const BOOKING_STATUS_LABELS: Readonly<Record<BookingStatus, string>> = {
  requested: '承認待ち',
  approved: '承認済み',
  rejected: '却下',
  cancelled: '取消',
  checked_out: '貸出中',
  returned: '返却済み',
};

/** Error messages shown to the user. */
export const REGISTER_ERRORS = {
  ipInvalid: 'IPアドレスの形式が正しくありません（例: 192.168.10.25）。',
  duplicate: (kind: RegisterKind, value: string) =>
    `${REGISTER_LABELS[kind]}「${value}」は既に発行中です。削除（返却）してから発行してください。`,
  alreadyWithdrawn: 'この値は既に削除（返却）されています。',
  kindInvalid: '台帳の種類が正しくありません。',
  required: (field: string, max: number) => `${field}を入力してください（${max}文字以内）。`,
  tooLong: (field: string, max: number) => `${field}は${max}文字以内で入力してください。`,
  itemKindInvalid: '機器の種類が正しくありません。',
  windowInvalid: '貸出期間が正しくありません。開始日時より後の終了日時を指定してください。',
  windowTooLong: (days: number) => `貸出期間は${days}日以内で指定してください。`,
  conflict: (item: string, window: string) =>
    `「${item}」は${window}に既に予約があるため、この期間では予約できません。`,
  itemRetired: 'この機器は貸出を終了しています。',
  transition: (from: string, action: string) => `「${from}」の予約は${action}できません。`,
  rejectReasonRequired: '却下の理由を入力してください（1,000文字以内）。',
  accessoryUnknown: (name: string) => `付属品「${name}」はこの機器の付属品ではありません。`,
  seatsInvalid: 'ライセンス数は1〜10000の整数で入力してください。',
  licenceExhausted: (pool: string, window: string) =>
    `「${pool}」は${window}に空きがありません（すべてのライセンスが割当済みです）。`,
  licenceNeedsBooking: 'ライセンスは承認済み（または貸出中）の予約にのみ割り当てられます。',
  licenceAlreadyGranted: 'この予約には既にこのライセンスを割り当てています。',
  licenceReleased: 'このライセンスは既に解除されています。',
} as const;

/** Titles and columns of the report sections. */
export const REGISTER_REPORT_TEXT = {
  issued: { title: '台帳: 発行（IPアドレス・コンピュータ名）', sheet: '台帳 発行' },
  withdrawn: { title: '台帳: 削除（IPアドレス・コンピュータ名）', sheet: '台帳 削除' },
  registerColumns: ['台帳', '値', '日時', '所属', '依頼者', '担当者', '理由'],
  bookings: { title: '機器の貸出: 予約', sheet: '貸出 予約' },
  bookingColumns: ['機器', '種類', '期間', '所属', '依頼者', '目的', '状態'],
  utilisation: { title: '機器の貸出: 種類別の利用率', sheet: '貸出 利用率' },
  utilisationColumns: ['種類', '台数', '予約件数', '利用時間（時間）', '利用率'],
  overdue: { title: '機器の貸出: 返却遅れ', sheet: '貸出 返却遅れ' },
  overdueColumns: ['機器', '返却予定', '所属', '依頼者', '遅れ（日）'],
  noRegister: '当該期間の発行・削除はありません。',
  noBooking: '当該期間の予約はありません。',
  noOverdue: '返却遅れはありません。',
} as const;
