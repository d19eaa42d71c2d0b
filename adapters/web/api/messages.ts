/** Japanese texts of the public JSON API (errors and labels the web chat shows). */
import type { TicketStatus } from '../../../tickets';

/** Message catalogue of the JSON API. */
export const API_MESSAGES = Object.freeze({
  conversationNotFound: '会話が見つかりません。最初から質問してください。',
  /** A button of a reloaded answer that no longer applies (the same wording as Teams' and LoGoチャット's). */
  choiceExpired: 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。',
  contactRequired: (missing: readonly string[]) =>
    `担当者からご連絡するため、${missing.join('・')}を入力してください。`,
  contactFields: { name: 'お名前', department: '所属', phone: '内線（電話）' } as const,
  categoryUnknown: (category: string, categories: readonly string[]) =>
    `分類「${category}」は登録されていません。分類を省略するか、次のいずれかを指定してください: ${categories.join('、')}`,
  status: {
    new: '受付済み',
    in_progress: '対応中',
    on_hold: '保留（回答待ち）',
    resolved: '解決',
    closed: 'クローズ',
  } satisfies Record<TicketStatus, string>,
});
