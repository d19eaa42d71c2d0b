/** The Japanese messages the sign-in service itself raises (the console's pages reuse them). */
export const AUTH_MESSAGES = Object.freeze({
  signInFailed:
    'ユーザー名またはパスワードが正しくないか、アカウントが一時的にロックされています。しばらくしてからもう一度お試しください。',
  passwordCurrentWrong: '現在のパスワードが正しくありません。',
  passwordMismatch: '新しいパスワードと確認用のパスワードが一致しません。',
  passwordSame: '新しいパスワードには現在のパスワードと異なるものを指定してください。',
  passwordLocked:
    '現在のパスワードの誤りが続いたため、アカウントを一時的にロックし、サインインを終了しました。しばらくしてからお試しください。',
  /** Account checks (the console's アカウント管理 shows them). */
  accounts: Object.freeze({
    passwordLength: (min: number, max: number) => `パスワードは${min}文字以上${max}文字以下にしてください。`,
    passwordRepeated: 'パスワードに同じ文字や短い繰り返しを使わないでください（5種類以上の文字を含めてください）。',
    passwordSequence: '「abcdef…」「123456…」「qwerty…」のような並びはパスワードに使えません。',
    passwordUsername: 'パスワードにユーザー名を含めないでください。',
    passwordCommon: '推測されやすい単語（password、admin など）を中心にしたパスワードは使えません。',
    resetSelf: '自分のパスワードは「パスワード変更」から変更してください。',
    usernameInvalid: 'ユーザー名は半角英数字と . _ - で3〜100文字にしてください。',
    lastAdmin: '最後の管理者の権限は変更できません。',
    roleInvalid: '権限は「職員」「オペレーター」「監査担当」「管理者」のいずれかを選んでください。',
    displayNameRequired: '表示名を入力してください。',
    disableSelf: '自分のアカウントは無効にできません。',
    usernameTaken: 'このユーザー名は既に使われています（大文字と小文字の違いだけのユーザー名は作成できません）。',
  }),
});
