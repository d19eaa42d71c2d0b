/** Japanese texts of the LoGoチャット adapter (user-facing) and its health messages. */
import { BOT_MESSAGES } from '../../bot';

export const LOGO_MESSAGES = Object.freeze({
  /** Question of the yes/no stamp after an answer. */
  resolvedQuestion: '解決しましたか？',
  /** Question of a select stamp that offers candidates. */
  pickChoice: 'ご質問に近いものを選んでください。',
  pickOtherChoice: '違う場合は、ほかの候補を選んでください。',
  /** Question of a select stamp that offers only actions. */
  pickAction: '次の操作を選んでください。',
  sourcesHeading: '参考資料:',
  numberedHint: '番号を送信して選んでください。',
  actionLabels: {
    resolved: '解決した',
    not_resolved: '解決しない',
    escalate: '担当者に問い合わせる',
    ask_bot: 'ボットに質問する',
    reopen: '再開して追記する',
    status: 'お問い合わせ状況',
    new_ticket: '別件として新しく問い合わせる',
  } as Readonly<Record<string, string>>,
  /** What the お問い合わせ状況 option asks (the core answers the requester's tickets). */
  statusRequest: 'お問い合わせ状況',
  askDetails:
    '担当者にお問い合わせします。お困りの内容（状況、エラーメッセージ、いつから等）を1つのメッセージで送信してください。',
  staleStamp: 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。',
  notYourStamp: 'この選択肢は質問した方のみ選べます。ご自身の質問はボットにメンションしてお送りください。',
  unsupportedContent: 'スタンプやファイルには対応していません。質問は文章で送信してください。',
  /** The answer to a message with no words (only spaces, line breaks, invisible characters or the mention). */
  emptyQuestion: BOT_MESSAGES.wordlessMessage,
  /** Put above the answer to a comment sent with files (the files themselves are not read). */
  filesNotRead: '添付ファイルの内容は読み取れないため、文章の内容にお答えします。',
  interrupted:
    '接続が一時的に切れたため、回答を最後までお送りできませんでした。お手数ですが、もう一度質問してください。',
  unsupportedAction: 'この操作はLoGoチャットでは利用できません。ヘルプデスクにお問い合わせください。',
  health: {
    badToken:
      'LoGoチャットのアクセストークンが無効です（401 invalid token）。KOTAE_LOGO_TOKEN / KOTAE_LOGO_TOKEN_FILE を確認して再起動してください。',
  },
  relay: {
    badSignature: '署名を検証できませんでした。',
    expired: 'リクエストの有効期限が切れています（時刻のずれが300秒を超えています）。',
    replayed: 'このリクエストは既に受け付けています（nonceの再利用）。',
    invalid: 'イベントの形式が正しくありません。',
    yesNoResponse: 'はい／いいえのスタンプへの回答（response）は true（はい）または false（いいえ）で送ってください。',
    selectResponse: (options: number): string =>
      `選択肢のスタンプへの回答（response）は、選んだ選択肢の番号（0〜${options - 1}の整数）で送ってください。`,
    disabled: 'LoGoチャットのリレーは有効になっていません。',
  },
});
