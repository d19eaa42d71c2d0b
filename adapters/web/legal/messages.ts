/**
 * Japanese texts of the public pages the Teams manifest links to (privacyUrl, termsOfUseUrl): page titles
 * and the built-in default contents, written in the Markdown subset of render.ts. An administrator
 * replaces a content with KOTAE_PRIVACY_FILE / KOTAE_TERMS_FILE.
 */

/** What the default texts name. */
export interface LegalContext {
  /** The municipality / department running the desk (KOTAE_ORGANIZATION). */
  organization: string;
  /** Days after which conversations and questions are deleted (KOTAE_RETENTION_DAYS). */
  retentionDays: number;
}

/** Message catalogue of the legal pages. */
export const LEGAL_MESSAGES = Object.freeze({
  appName: 'Kotae ITヘルプデスク',
  privacyTitle: 'プライバシーポリシー',
  termsTitle: '利用規約',
  otherPage: { privacy: '利用規約', terms: 'プライバシーポリシー' },
  privacyDefault: ({ organization, retentionDays }: LegalContext): string =>
    [
      `${organization}（以下「運用者」）は、ITヘルプデスク「Kotae」（Microsoft Teams アプリおよび Web チャット）で取り扱う個人情報を、次のとおり適正に取り扱います。`,
      '',
      '# 取得する情報',
      '- 氏名、所属、Microsoft Entra ID のユーザー識別子（Teams から利用する場合）',
      '- 質問・お問い合わせの内容、担当者とのやり取り、添付されたファイル',
      '- 利用日時、回答への評価（解決した／解決しない）',
      '',
      '# 利用目的',
      '- 質問への回答、お問い合わせへの対応と連絡',
      '- 回答の品質改善、よくある質問の整備、利用状況の集計（個人を特定しない形で報告します）',
      '',
      '# 第三者への提供',
      '法令に基づく場合を除き、本人の同意なく第三者に提供しません。回答の作成に外部の生成AIサービスを利用する設定の場合は、質問と参照資料の一部を当該サービスに送信します。',
      '',
      '# 保存期間',
      `会話と質問の記録は ${retentionDays} 日を経過した後に削除します。お問い合わせ（チケット）の記録は、運用者の文書管理の規程に従って保存します。`,
      '',
      '# 開示・訂正・削除のご請求',
      `ご自身の情報の開示・訂正・削除をご希望の場合は、${organization} までお申し出ください。`,
    ].join('\n'),
  termsDefault: ({ organization }: LegalContext): string =>
    [
      `この利用規約は、${organization}（以下「運用者」）が提供する ITヘルプデスク「Kotae」の利用条件を定めます。`,
      '',
      '# 対象',
      '運用者が利用を認めた職員が、業務上の IT に関する質問やお問い合わせのために利用できます。',
      '',
      '# 自動応答について',
      '- 回答は登録された資料をもとに自動で作成されます。内容の正確性や完全性は保証されません。',
      '- 業務上重要な判断の前には、回答の下の「担当者に問い合わせる」から担当者に確認してください。',
      '',
      '# 禁止事項',
      '- 業務に必要のない個人情報や機密情報の入力',
      '- 業務外の目的での利用、他の職員へのなりすまし',
      '- システムに過度な負荷をかける行為や、不正なアクセスを試みる行為',
      '',
      '# 変更・停止',
      '運用者は、保守や障害対応のため、事前の予告なくサービスを変更・停止することがあります。',
      '',
      '# お問い合わせ先',
      organization,
    ].join('\n'),
});
