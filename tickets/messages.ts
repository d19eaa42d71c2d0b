/**
 * Japanese texts the ticket domain sends to requesters and shows as error messages. Console labels
 * live in adapters/web/console/messages.ts.
 */
import type { TicketStatus } from './records';
import type { IncidentField } from './types';
import { TICKET_STATUS_LABELS } from './labels';

const STATUS_WORDS: Readonly<Record<TicketStatus, string>> = TICKET_STATUS_LABELS;

const INCIDENT_WORDS: Readonly<Record<IncidentField, string>> = {
  cause: '原因',
  actions: '対応内容',
  prevention: '再発防止策',
};

/** Requester notifications and domain error messages. */
export const TICKET_MESSAGES = Object.freeze({
  replyPrefix: (number: string) => `【ヘルプデスクからの回答】${number}`,
  statusChanged: (number: string, to: TicketStatus) =>
    `【ヘルプデスクからのお知らせ】${number}\nお問い合わせの状態が「${STATUS_WORDS[to]}」に変わりました。` +
    (to === 'resolved' ? '\n解決していない場合は、このままご返信ください。' : ''),
  requesterAdded: (number: string, afterHours?: string) =>
    [
      `お問い合わせ ${number} に追記しました。担当者にお知らせしました。`,
      ...(afterHours ? [afterHours] : []),
      'ボットへの新しい質問だった場合は「ボットに質問する」を押してください。',
    ].join('\n'),
  confirmReopen: (number: string) =>
    `お問い合わせ ${number} は解決済みです。このメッセージを追記して、お問い合わせを再開しますか？\n` +
    'ボットへの新しい質問の場合は「ボットに質問する」を押してください。',
  reopenExpired: (number: string) =>
    `お問い合わせ ${number} は受付を終了しているため、追記できません。` +
    'お手数ですが、質問を入力するか「担当者に問い合わせる」から新しくお問い合わせください。',
  nothingToReopen:
    '追記できるお問い合わせが見つかりません。質問を入力するか「担当者に問い合わせる」からお問い合わせください。',
  withdrawnForBot: (number: string) =>
    `お問い合わせ ${number} への追記を取り消しました。ボットへの質問としてお答えします。`,
  keptForBot: (number: string) =>
    `担当者がすでに返信しているため、お問い合わせ ${number} への追記は取り消さずに残しています。` +
    'ボットへの質問としてもお答えします。',
  /** A requester's message edited in Teams, as the correction added to the ticket. */
  teamsCorrection: (text: string) => `（Teamsでメッセージが編集されました）\n${text}`,
  correctionTooLong: (number: string, max: number) =>
    `編集後のメッセージが${max}文字を超えているため、お問い合わせ ${number} に反映できませんでした。` +
    `${max}文字以内で、新しいメッセージとしてお送りください。`,
  afterHours: (when: string) => `現在は受付時間外のため、${when}以降に担当者が確認します。`,
  statusNotFound: '該当するお問い合わせが見つかりません。受付番号をご確認ください。',
  statusNone: 'この会話からのお問い合わせはまだありません。',
  statusOf: (number: string, title: string, status: TicketStatus, updated: string, assigned: boolean) =>
    [
      `${number}「${title}」`,
      `状態: ${STATUS_WORDS[status]}`,
      `最終更新: ${updated}`,
      `担当: ${assigned ? 'ヘルプデスク担当者（担当者が対応しています）' : '未定（受付済み・担当者の割り当て待ち）'}`,
    ].join('\n'),
  requesterAuthor: '依頼者',
  transitionInvalid: (from: TicketStatus, to: TicketStatus) =>
    `状態を「${STATUS_WORDS[from]}」から「${STATUS_WORDS[to]}」には変更できません。`,
  incidentIncomplete: (missing: readonly IncidentField[]) =>
    `障害チケットを解決するには、${missing.map((f) => INCIDENT_WORDS[f]).join('・')}を入力してください。`,
  ticketNotFound: 'チケットが見つかりません。',
  categoryUnknown: (category: string) => `分類「${category}」は登録されていません。`,
  bodyRequired: '本文を入力してください。',
  bodyTooLong: (max: number) => `本文は${max}文字以内で入力してください。`,
  fieldTooLong: (field: string, max: number) => `${field}は${max.toLocaleString('ja-JP')}文字以内で入力してください。`,
  faqUrlInvalid: '参照URLは http:// または https:// で始まるURLを入力してください。',
  workLogDateInvalid: (min: number, max: number) => `作業日時は${min}年から${max}年までの日付で入力してください。`,
  workLogTimeOrder: '作業終了日時は作業開始日時以降にしてください。',
  workLogRequired: (fields: readonly string[]) => `${fields.join('・')}を入力してください。`,
  faqRequired: '質問と回答を入力してください。',
  faqNotDraft: 'このFAQは承認待ちではありません。',
  faqNotPublished: 'このFAQは公開されていないため、非公開・公開の切り替えはできません。',
  faqAlreadyHidden: 'このFAQはすでに非公開です（回答に使っていません）。',
  faqNotHidden: 'このFAQは非公開ではありません。',
});
