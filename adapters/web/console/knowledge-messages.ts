/** Japanese strings of the knowledge pages (FAQs of every origin, uploads, SharePoint, usage, gaps). */
import type { FaqOrigin } from '../../../tickets';

/** Where an FAQ came from, as shown in the console. */
export const ORIGIN_LABELS: Readonly<Record<FaqOrigin, string>> = {
  file: 'ファイル',
  sharepoint: 'SharePoint',
  console: 'コンソール',
  ticket: 'チケットから昇格',
};

/** Texts of the knowledge pages. */
export const K = Object.freeze({
  faq: {
    search: 'FAQを検索',
    searchSubmit: '検索',
    origin: '出典',
    state: '状態',
    published: '公開中',
    overridden: '公開中（コンソールで編集済み）',
    pending: (n: number) => `承認待ちの編集 ${n}件`,
    count: (n: number) => `${n}件`,
    view: '表示・編集',
    viewTitle: 'FAQの表示・編集',
    replaces: '公開中のFAQを置き換える編集',
    newDraft: '新規',
    overrideDraft: (file: string) => `${file} のFAQの編集`,
    fileNote: (file: string) =>
      `このFAQはファイル「${file}」から取り込まれています。ここで保存した内容は上書きとしてKotaeに保存され、「${file}」を次に取り込んでも保持されます（元のファイルは変更されません）。`,
    sharePointNote: (file: string) =>
      `このFAQはSharePointの「${file}」から同期されています。ここで保存した内容は上書きとしてKotaeに保存され、次の同期でも保持されます（SharePoint上のファイルは変更されません）。`,
    overriddenNote:
      '現在はコンソールで編集した内容を回答に使っています。上書きを削除すると、ファイルの内容に戻ります。',
    original: '取り込み元の内容',
    removeOverride: '上書きを削除（ファイルの内容に戻す）',
    operatorNote: '保存すると承認待ちのFAQ案になり、管理者が承認するまでは現在の内容で回答します。',
    adminNote: '管理者が保存すると、すぐに公開されます。',
    saveDraft: '承認依頼として保存',
    savePublish: '保存して公開',
    draftSaved: 'FAQ案を保存しました。管理者の承認後に公開されます。それまでは現在の内容で回答します。',
    approvedConflict: 'このFAQ案は他の管理者がすでに承認したか、更新されています。',
  },
});
