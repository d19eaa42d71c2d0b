/** Japanese texts of the single sign-on pages and errors. */
export const SSO_MESSAGES = {
  title: 'サインイン',
  continue: '続ける',
  redirecting: 'サインインしました。画面を切り替えています…',
  expired: 'サインインの有効期限が切れたか、別の画面から開始されました。もう一度サインインしてください。',
  failed: 'サインインできませんでした。もう一度お試しください。解決しない場合はヘルプデスクにお問い合わせください。',
  providerDown: 'サインイン先（Microsoft Entra ID）に接続できません。しばらくしてからお試しください。',
  denied:
    'サインインが取り消されたか、Microsoft Entra ID でアクセスが許可されませんでした。もう一度サインインしてください。解決しない場合はヘルプデスクにお問い合わせください。',
  interaction:
    'サインインを完了するには、Microsoft Entra ID での追加の操作（多要素認証や同意など）が必要です。もう一度サインインして、表示される手順に従ってください。',
  groupsOverage:
    'このアカウントは所属グループが多すぎるため、Microsoft Entra ID がグループを通知しませんでした。ヘルプデスクの管理者に、Kotaeのアプリロールへの割り当てを依頼してください。',
  groupsLookupFailed:
    'このアカウントは所属グループが多すぎるため、Microsoft Graph でグループを確認しようとしましたが、確認できませんでした。しばらくしてからもう一度サインインしてください。解決しない場合はヘルプデスクにお問い合わせください。',
  noRole:
    'このアカウントには運用コンソールを利用する権限がありません。ヘルプデスクの管理者に、Kotaeのアプリロールまたはグループへの追加を依頼してください。',
  accountDisabled:
    'この運用コンソールのアカウントは管理者によって無効にされています。利用を再開するにはヘルプデスクの管理者にお問い合わせください。',
  localAccount:
    'このアカウント名はローカルアカウントで使われているため、シングルサインオンでは利用できません。管理者にお問い合わせください。',
  webChatRequired: 'Webチャットを利用するにはサインインしてください。',
  /** A web chat sign-in ended by the Entra ID re-check (account disabled or deleted, assignment removed). */
  webChatEnded: 'Entra ID でアカウントの状態が変わったため、もう一度サインインしてください。',
  signInAgain: 'もう一度サインインする',
  signInChat: 'Webチャットにサインインする',
  signInConsole: '運用コンソールにサインインする',
  backToChat: 'チャットへ戻る',
  signOutTitle: 'サインアウト',
  signingOut: 'Kotae からサインアウトしました。Microsoft Entra ID からのサインアウトに移動しています…',
  /** Always true on the signed-out page: Kotae cannot know what the provider did (the user may stay signed in there). */
  signedOut: 'Kotae からサインアウトしました。',
  /** Only when the browser comes back with the sign-out `state` Kotae sent it to the provider with. */
  signedOutViaProvider:
    'Microsoft Entra ID のサインアウト画面を経由しました。共用の端末では、ブラウザーをすべて閉じてください。',
  chatName: 'ヘルプデスク チャット',
  chatBrand: 'Kotae（答え）',
  frontChannelInvalid: 'サインアウトの要求に必要な情報（sid）がありません。',
} as const;
