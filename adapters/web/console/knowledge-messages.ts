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
  knowledge: {
    title: 'ナレッジの管理',
    upload: '文書のアップロード',
    uploadHelp: (limit: string) =>
      `PDF、Word（.docx）、Excel（.xlsx）、PowerPoint（.pptx）、CSV、HTML、Markdown（.md）、JSONのマニュアルを1ファイル${limit}まで、一度に5ファイルまでアップロードできます。アップロード後、自動で取り込まれます。`,
    file: 'ファイル',
    uploadSubmit: 'アップロードして取り込む',
    documents: 'アップロードした文書',
    noDocuments: 'アップロードした文書はありません。',
    name: 'ファイル名',
    size: 'サイズ',
    modifiedAt: '更新日時',
    delete: '削除',
    confirmDelete: '削除する',
    ingest: '取り込みの状況',
    reload: '最新の状況を表示',
    states: {
      idle: 'この起動以降、取り込みは実行されていません。',
      running: '取り込み中です。',
      done: '取り込みが完了しました。',
      failed: '取り込みに失敗しました。以前のナレッジで回答を続けています。',
    } as Record<string, string>,
    progress: (phase: string, done: number, total: number) =>
      phase === 'parse' ? `ファイルの解析 ${done} / ${total}` : `索引の作成 ${done} / ${total}`,
    reason: (r: string) => `きっかけ: ${r}`,
    period: (from: string, to: string) => `${from} 〜 ${to}`,
    summary: (files: number, indexed: number, unchanged: number, removed: number, chunks: number) =>
      `対象 ${files}ファイル（新規・更新 ${indexed}、変更なし ${unchanged}）、削除 ${removed}、検索単位 ${chunks}件`,
    skipped: 'スキップしたファイル・行',
    noSkipped: 'スキップしたファイルはありません。',
    skipPath: 'ファイル',
    skipReason: '理由',
    error: (e: string) => `エラー: ${e}`,
    uploaded: (names: string) => `${names} をアップロードしました。取り込みを開始しました。`,
    deleted: '文書を削除しました。取り込みを開始しました。',
    reasonUpload: 'アップロード',
    sharePoint: 'SharePointライブラリ',
    syncNow: '今すぐ同期',
    syncing: '同期中です。',
    syncStarted: 'SharePointの同期を開始しました。',
    library: 'ライブラリ',
    lastSync: '最終同期',
    result: '結果',
    never: '未同期',
    syncOk: (full: boolean, added: number, updated: number, deleted: number) =>
      `${full ? '全件同期' : '差分同期'}: 追加 ${added}、更新 ${updated}、削除 ${deleted}`,
    syncFailed: (e: string) => `同期に失敗しました（以前のナレッジで回答を続けています）: ${e}`,
    expires: (date: string) => `アプリのシークレット（証明書）の有効期限: ${date}`,
    expiresSoon: (date: string) =>
      `アプリのシークレット（証明書）の有効期限（${date}）が30日以内です。Entra IDで新しいシークレットを発行し、設定を更新してください。`,
    expired: (date: string) =>
      `アプリのシークレット（証明書）の有効期限（${date}）が過ぎています。Entra IDで新しいシークレットを発行し、設定を更新してください。`,
    reasonDelete: '文書の削除',
  },
  usage: {
    title: 'FAQ・文書の利用状況',
    period: (days: number) =>
      `直近${days}日間の質問について、最上位の回答元になった回数と、その後の結果を数えています。`,
    views: { all: 'すべて', unhelpful: '役に立っていないFAQ', unused: '使われていないFAQ' } as Record<string, string>,
    name: 'FAQ・文書',
    kind: '種類',
    kinds: { faq: 'FAQ', document: '文書' } as Record<string, string>,
    top: '最上位の回答元',
    answered: '回答',
    tentative: '暫定回答',
    resolved: '解決した',
    unresolved: '解決しない',
    escalated: 'その後の問い合わせ',
    none: '該当するFAQ・文書はありません。',
    unhelpfulHelp:
      '「解決しない」とその後の問い合わせの合計が「解決した」より多いFAQです。回答の見直しを検討してください。',
    unusedHelp: '期間中に一度も最上位の回答元にならなかった公開中のFAQです。',
    origin: '出典',
    question: '質問',
  },
  gaps: {
    title: '未回答の質問',
    help: '回答できなかった質問（回答なし・聞き返し）を、似た質問ごとにまとめています。',
    count: '件数',
    representative: '代表的な質問',
    examples: '質問の例',
    last: '最終',
    actions: '操作',
    createFaq: 'FAQを作成',
    close: '対応済み',
    closed: '対応済みにしました。',
    empty: '未対応の未回答の質問はありません。',
  },
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
