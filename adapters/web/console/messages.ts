/** Every Japanese string of the operator console (and its sign-in), in one catalogue. */
import type { TicketPriority, TicketStatus, TicketType } from '../../../bot/records';
import type { SlaState } from '../../../calendar';
import type { OperatorRole } from '../../../tickets';

/** 状態 labels. */
export const STATUS_LABELS: Readonly<Record<TicketStatus, string>> = {
  new: '新規', in_progress: '対応中', on_hold: '保留（回答待ち）', resolved: '解決', closed: 'クローズ',
};
/** 種別 labels. */
export const TYPE_LABELS: Readonly<Record<TicketType, string>> = { inquiry: '問合せ', incident: '障害', request: '依頼' };
/** 優先度 labels. */
export const PRIORITY_LABELS: Readonly<Record<TicketPriority, string>> = { low: '低', normal: '通常', high: '高', urgent: '緊急' };
/** SLA labels for the queue. */
export const SLA_LABELS: Readonly<Record<SlaState, string>> = {
  ok: '期限内', due_soon: '期限間近', breached: '期限超過', met: '期限内に対応済み', met_late: '期限超過後に対応済み',
};
/** 権限 labels. */
export const ROLE_LABELS: Readonly<Record<OperatorRole, string>> = { staff: '職員', operator: 'オペレーター', admin: '管理者' };

/** Texts of the console. */
export const M = Object.freeze({
  appName: 'Kotae 運用コンソール',
  skipToMain: '本文へ移動',
  nav: {
    tickets: 'チケット一覧', worklogs: '作業実績', faqs: 'FAQ', drafts: 'FAQ承認待ち', unanswered: '未回答の質問', reports: '報告書',
    accounts: 'アカウント管理', signOut: 'サインアウト', signedInAs: (name: string, role: string) => `${name}（${role}）`,
  },
  signIn: {
    title: 'サインイン', username: 'ユーザー名', password: 'パスワード', submit: 'サインイン',
    failed: 'ユーザー名またはパスワードが正しくありません。', signedOut: 'サインアウトしました。',
  },
  staffNotice: {
    title: 'ご利用の案内',
    body: 'このアカウントは職員権限のため、チケットは表示されません。お問い合わせはヘルプデスクのチャットをご利用ください。',
  },
  queue: {
    title: 'チケット一覧', filter: '絞り込み', all: 'すべて', status: '状態', category: '分類', assignee: '担当者', sla: 'SLA',
    apply: '絞り込む', number: '番号', subject: '件名', type: '種別', priority: '優先度', requester: '依頼者',
    responseDue: '初動期限', resolutionDue: '解決期限', empty: '該当するチケットはありません。',
    total: (n: number) => `${n}件`, counts: '状態別件数', unassigned: '未割当',
    remaining: (text: string) => `残り${text}`, overdue: '期限超過', stopped: '停止',
  },
  detail: {
    title: (n: string) => `チケット ${n}`, summary: '概要', details: '内容', transcript: 'チャットの履歴', comments: '回答とメモ',
    reply: '依頼者への回答', replySubmit: '回答を送信', note: '内部メモ（依頼者には送信されません）', noteSubmit: 'メモを追加',
    update: '状態・担当の変更', updateSubmit: '保存', title_: '件名', incident: '障害報告', cause: '原因', actions: '対応内容',
    prevention: '再発防止策', history: '変更履歴', attachments: '添付ファイル（情報のみ）', fileName: 'ファイル名',
    contentType: '種類（MIME）', sizeBytes: 'サイズ（バイト）', attachmentSubmit: '添付情報を追加', worklogs: '作業実績',
    promote: 'FAQへ昇格', delivered: '送信済み', deliveryFailed: (e: string) => `送信失敗（再送待ち）: ${e}`,
    pending: '送信待ち', kindReply: '回答', kindNote: 'メモ', createdAt: '受付日時', none: 'なし', roleLabels: {
      user: '職員', bot: 'ボット', operator: 'ヘルプデスク', system: 'システム',
    } as Record<string, string>,
    saved: '保存しました。', replied: '回答を送信しました。', replyQueued: '回答を保存しました。送信に失敗したため、後で再送します。',
    noted: 'メモを追加しました。', attached: '添付情報を追加しました。', sla: 'SLA', responseClock: '初動', resolutionClock: '解決',
    dueAt: '期限', unassign: '（未割当）',
  },
  worklog: {
    title: '作業実績', startedAt: '作業開始日時', endedAt: '作業終了日時', operatorName: '担当者', workTitle: '作業名',
    content: '作業内容', remarks: '特記事項', ticket: 'チケット番号（任意）', submit: '作業実績を登録', from: '期間（開始日）',
    to: '期間（終了日）', show: '表示', empty: '作業実績はありません。', saved: '作業実績を登録しました。', standalone: '（計画作業）',
  },
  faq: {
    title: 'FAQ', drafts: 'FAQ承認待ち', newTitle: 'FAQの新規作成', editTitle: 'FAQの編集', promoteTitle: 'FAQ案の作成（チケットから昇格）',
    category: '分類', question: '質問', alternates: '言い換え（1行に1つ）', answer: '回答', sourceUrl: '参照URL（任意）',
    save: '保存', saveDraft: '承認依頼として保存', approve: '承認して公開', delete: '削除', edit: '編集', create: '新規作成',
    empty: 'FAQはありません。', noDrafts: '承認待ちのFAQはありません。', createdBy: '作成者', fromTicket: '元チケット',
    saved: 'FAQを保存しました。', draftSaved: 'FAQ案を保存しました。管理者の承認後に公開されます。', approved: 'FAQを承認し、公開しました。',
    deleted: 'FAQを削除しました。', reindexFailed: 'FAQは保存しましたが、ナレッジベースの再索引に失敗しました。管理者に連絡してください。',
    confirmDelete: '削除する', status: { draft: '承認待ち', approved: '公開中' } as Record<string, string>,
  },
  unanswered: {
    title: '未回答の質問', askedAt: '日時', question: '質問', outcome: '結果', category: '推定分類', department: '所属',
    empty: '未回答の質問はありません。', outcomes: { no_answer: '回答なし', clarify: '聞き返し' } as Record<string, string>,
  },
  accounts: {
    title: 'アカウント管理', username: 'ユーザー名', displayName: '表示名', role: '権限', password: '初期パスワード（12文字以上）',
    create: 'アカウントを作成', setRole: '権限を変更', unlock: 'ロック解除', locked: (until: string) => `ロック中（${until}まで）`,
    active: '有効', created: 'アカウントを作成しました。', updated: 'アカウントを更新しました。', state: '状態',
    passwordTooShort: 'パスワードは12文字以上にしてください。', usernameInvalid: 'ユーザー名は半角英数字と . _ - で3〜100文字にしてください。',
    lastAdmin: '最後の管理者の権限は変更できません。', displayNameRequired: '表示名を入力してください。',
  },
  errors: {
    title: 'エラー', back: '戻る', forbiddenTitle: '権限がありません', notFoundTitle: 'ページが見つかりません',
    conflictTitle: '他の担当者が先に更新しました', reload: '最新の内容を表示',
  },
  time: { minutes: (m: number) => `${m}分`, hours: (h: number, m: number) => (m ? `${h}時間${m}分` : `${h}時間`) },
});
