/** Japanese texts of the single sign-on pages and errors. */
export const SSO_MESSAGES = {
  title: 'サインイン',
  continue: '続ける',
  redirecting: 'サインインしました。画面を切り替えています…',
  expired: 'サインインの有効期限が切れたか、別の画面から開始されました。もう一度サインインしてください。',
  failed: 'サインインできませんでした。もう一度お試しください。解決しない場合はヘルプデスクにお問い合わせください。',
  providerDown: 'サインイン先（Microsoft Entra ID）に接続できません。しばらくしてからお試しください。',
  noRole:
    'このアカウントには運用コンソールを利用する権限がありません。ヘルプデスクの管理者に、Kotaeのアプリロールまたはグループへの追加を依頼してください。',
  localAccount:
    'このアカウント名はローカルアカウントで使われているため、シングルサインオンでは利用できません。管理者にお問い合わせください。',
  webChatRequired: 'Webチャットを利用するにはサインインしてください。',
  signInAgain: 'もう一度サインインする',
  backToChat: 'チャットへ戻る',
} as const;
