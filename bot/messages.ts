/** Japanese texts of the conversation core (channel-neutral). */
import { cutText } from '../core';
export const BOT_MESSAGES = Object.freeze({
  welcome: (deskHours: string) =>
    [
      'こんにちは。ヘルプデスクの自動応答「Kotae（答え）」です。',
      'パスワード、ネットワーク、メール、プリンタ、Microsoft 365、LoGoチャットなど、パソコンやシステムの困りごとを文章で質問してください。',
      `担当者への問い合わせは「担当者に問い合わせる」からいつでもできます（受付時間: ${deskHours}）。`,
    ].join('\n'),
  clarify:
    'ご質問の内容に近いものを選んでください。該当がなければ、言い換えて質問するか、担当者にお問い合わせください。',
  tentative: (answer: string) =>
    [
      'ご質問に近いと思われる回答です。',
      '',
      answer,
      '',
      'こちらの回答でよろしいでしょうか。違う場合は、ほかの候補を選ぶか「担当者に問い合わせる」からお問い合わせください。',
    ].join('\n'),
  continued: (previous: string) =>
    `（前のご質問「${previous.length > 40 ? `${cutText(previous, 40)}…` : previous}」の続きとしてお答えします）`,
  noAnswer:
    '申し訳ありません。この質問にはナレッジベースからお答えできませんでした。言い換えて質問するか、「担当者に問い合わせる」からお問い合わせください。',
  humanRequested: '担当者にお問い合わせいただけます。「担当者に問い合わせる」を押して、内容をお知らせください。',
  thanks: 'ご回答ありがとうございました。お役に立ててうれしいです。',
  youAreWelcome: 'どういたしまして。ほかにも困りごとがあれば、いつでも質問してください。',
  sorry: 'お役に立てず申し訳ありません。「担当者に問い合わせる」から担当者にお問い合わせいただけます。',
  /** A candidate or 解決した / 解決しない under an answer that is no longer the latest unrated exchange. */
  choiceExpired: 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。',
  notResolvedTyped:
    'お役に立てず申し訳ありません。別の言葉で質問し直すか、「担当者に問い合わせる」から担当者にお問い合わせください。',
  ticketCreated: (number: string, deskHours: string, afterHoursNotice?: string) =>
    [
      `お問い合わせを受け付けました。受付番号は ${number} です。`,
      afterHoursNotice ?? '担当者が確認してご連絡します。',
      `（ヘルプデスク受付時間: ${deskHours}）`,
    ].join('\n'),
  afterHours: (nextOpening: string) => `現在は受付時間外のため、${nextOpening}以降に担当者が確認します。`,
  ticketJoined: (number: string, added: boolean) =>
    [
      `このお問い合わせは受付番号 ${number} で受け付けています。`,
      added ? '入力いただいた内容を追記しました。' : '担当者が確認してご連絡します。',
      '別のご用件の場合は「別件として新しく問い合わせる」を押してください。',
    ].join('\n'),
  emptyQuestion: '質問を入力してください。',
  /** A chat message with no words (only a mention, spaces or invisible characters): a prompt, no search. */
  wordlessMessage: 'ご質問の内容を文章で入力してください（例: 「パスワードを忘れました」）。',
  tooLong: (max: number) => `質問が長すぎます。${max}文字以内で入力してください。`,
  unknownConversation: '会話が見つかりません。最初から質問してください。',
  nothingToEscalate: 'お問い合わせの内容を入力してください。',
  turnFailed: (correlationId: string) =>
    `申し訳ありません。処理中にエラーが発生しました。時間をおいてもう一度お試しください。（お問い合わせ番号: ${correlationId}）`,
});
