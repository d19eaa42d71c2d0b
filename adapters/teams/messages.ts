/**
 * Every Japanese text the Teams channel shows to staff (cards, welcome, errors).
 * Code, identifiers and logs stay English; nothing user-facing is written elsewhere in adapters/teams.
 */
import { BOT_MESSAGES } from '../../bot';
import type { TicketPriority } from '../../tickets';

/** Message catalogue of the Teams adapter. */
export const TEAMS_MESSAGES = Object.freeze({
  /** The JSON `message` of a request the messaging endpoint refuses (by error code). */
  endpointRejected: {
    AUTH_FORBIDDEN: 'このエンドポイントへのアクセスは許可されていません。',
    INPUT_INVALID:
      'リクエストの形式が正しくありません（Bot Framework のアクティビティ（JSON オブジェクト）を送ってください）。',
  } as Readonly<Record<string, string>>,
  activityWithoutConversation: 'アクティビティに会話のID（conversation.id）がありません。',
  serviceUrlRefused: 'アクティビティの serviceUrl は、返信を送ってよい Bot Connector のアドレスではありません。',
  activityWithoutServiceUrl: 'アクティビティに返信先の Bot Connector のアドレス（serviceUrl）がありません。',
  activityWithoutRecipient: 'アクティビティに宛先のボット（recipient.id）がありません。',
  sourcesHeading: '参考にした資料',
  buttonResolved: '解決した',
  buttonNotResolved: '解決しない',
  buttonEscalate: '担当者に問い合わせる',
  buttonAskBot: 'ボットに質問する',
  buttonReopen: '再開して追記する',
  buttonStatus: 'お問い合わせ状況',
  buttonNewTicket: '別件として新しく問い合わせる',
  /** The text a お問い合わせ状況 button sends as the requester's message. */
  statusRequest: 'お問い合わせ状況',
  clarifyHeading: 'お問い合わせの内容に近いものを選んでください。',
  otherCandidatesHeading: '違う場合は、ほかの候補から選んでください。',
  escalateTitle: '担当者へのお問い合わせ',
  escalateIntro: '内容を入力して［送信］を押してください。担当者が確認してご連絡します。',
  categoryLabel: '分類',
  categoryPlaceholder: '分類を選んでください',
  urgencyLabel: '緊急度',
  detailsLabel: '詳しい内容',
  detailsPlaceholder: 'いつから・どの端末で・どんな画面やエラーが出るかなど',
  detailsRequired: '詳しい内容を入力してください。',
  submitTicket: '送信',
  ticketCreated: (ticketNumber: string): string => `お問い合わせを受け付けました。受付番号は ${ticketNumber} です。`,
  ticketFollowUp: (deskHours: string): string =>
    `担当者が内容を確認して、このチャットでご連絡します。受付時間: ${deskHours}。時間外のお問い合わせは翌営業日以降に対応します。`,
  welcomeTitle: 'Kotae ヘルプデスクへようこそ',
  welcomeWhatToAsk:
    'パソコン・ネットワーク・業務システム・アカウントなど、ITに関する困りごとを文章で質問してください。',
  welcomeInGroups: 'チームやグループチャットでは、@メンションを付けて話しかけてください。',
  welcomeHours: (deskHours: string): string => `担当者の受付時間: ${deskHours}`,
  welcomeReachPerson: '担当者と直接やり取りしたいときは、回答の下の［担当者に問い合わせる］を押してください。',
  /** The answer to a message with no words (only the @mention, spaces or line breaks). */
  emptyQuestionPrompt: BOT_MESSAGES.wordlessMessage,
  attachmentsOnly:
    'ファイルや画像の内容は読み取れません。困っていることを文章で入力してください（エラーメッセージは文字で書き写してください）。',
  actionUnknown: 'この操作には対応していません。もう一度質問を入力してください。',
  actionInProgress: 'この操作は処理中です。しばらくしてから画面をご確認ください。',
  fileConsentDescription: (name: string): string => `ヘルプデスクからのファイル「${name}」です。`,
  fileLink: (name: string, url: string): string =>
    `📎 ヘルプデスクからのファイル「${name}」: [ダウンロード](${url})（リンクの有効期限は7日間です）`,
  fileDeclined: (name: string): string =>
    `ファイル「${name}」の受け取りを取りやめました。必要になりましたらヘルプデスクにお問い合わせください。`,
  /** A reply's file quarantined after the reply was written: the reply goes without it. */
  fileQuarantined: (name: string): string =>
    `添付ファイル「${name}」はウイルス検査で隔離されたため送信できませんでした。`,
  fileUploadFailed: (name: string): string =>
    `ファイル「${name}」をお送りできませんでした。しばらくしてからもう一度お試しください。`,
  feedbackThanks: (choice: string): string => `フィードバックありがとうございました（${choice}）`,
  notYourCard: 'このボタンは質問した方のみ操作できます。ご自身の質問はボットにメンションしてお送りください。',
  /** A button whose Kotae conversation no longer exists (the same wording as LoGoチャット's stale stamp). */
  cardExpired: 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。',
  turnFailed: 'システムエラーが発生しました。お手数ですがヘルプデスクにお問い合わせください。',
});

/** Japanese labels of ticket priorities, in the order the form offers them. */
export const PRIORITY_LABELS: Readonly<Record<TicketPriority, string>> = Object.freeze({
  low: '低（急ぎません）',
  normal: '通常',
  high: '高（業務に支障があります）',
  urgent: '至急（業務が止まっています）',
});

/** Ticket categories offered when the composition root gives none. */
export const DEFAULT_TICKET_CATEGORIES: readonly string[] = Object.freeze([
  'パソコン・周辺機器',
  'ネットワーク',
  'アカウント・パスワード',
  'メール・Teams',
  '業務システム',
  'その他',
]);
