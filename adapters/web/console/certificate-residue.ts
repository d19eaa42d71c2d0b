/**
 * The deletion certificate's statements beyond the per-table counts (session 31): which tickets were
 * erased, from which attachment folder, and which copies still hold the erased data until when. Shown
 * on the certificate page and written into its PDF and Excel exports.
 */
import type { DeletionResidue, RetainedCopy } from '../../../jobs';
import { formatJst } from './format';

/** A heading with its lines (the page, the PDF and the workbook show them the same way). */
export interface CertificateSection {
  heading: string;
  lines: string[];
}

const when = (iso: string) => formatJst(new Date(iso));

/** Texts of the residue sections. */
export const RESIDUE_TEXT = {
  tickets: '消去したチケット（チケット番号）',
  ticketList: (numbers: string[]) => `${numbers.length}件: ${numbers.join('、')}`,
  noTickets: 'なし',
  storage: '添付ファイルの保存先',
  shared: (dir: string) =>
    `${dir}（全インスタンスで共有する保存先）: 参照されなくなった添付ファイルをこのフォルダから消去しました。`,
  perInstance: (dir: string, instance: string) =>
    `${dir}（インスタンスごとの保存先。実施したインスタンス: ${instance}）: このインスタンスのフォルダからのみ消去しました。` +
    '他のインスタンスの保存フォルダにある同じファイルはこの処理では消去されず、各インスタンスが1日1回行う添付ファイルの点検（ジョブ attachment-sweep、毎日の処理時刻以降）で消去されます。停止中のインスタンスでは、起動後の点検で消去されます。',
  remains: '消去後もデータが残っている複製',
  external:
    'データベースのバックアップはKotaeの外（データベース管理者のバックアップ）で取得されています。' +
    '消去したデータは、その保管期間が終わるまでそれらのバックアップに残ります。',
  noGenerations: (dir: string) => `バックアップフォルダ（${dir}）に、消去前に取得したバックアップ世代はありません。`,
  generations: (n: number, dir: string) =>
    `消去前に取得した次のバックアップ ${n} 世代（${dir}）には、消去したデータが取得時点の内容のまま残っています。` +
    '世代の入れ替えで削除されるまで保管されます。',
  copy: (c: RetainedCopy, verb: string) =>
    `・${c.name}（${when(c.takenAt)} ${verb}、` +
    `${c.goneBy ? `${when(c.goneBy)} までに削除` : '手動で削除するまで残ります'}）`,
  goneBy: (iso: string, generations: number, time: string) =>
    `最後の世代は ${when(iso)} までに削除されます（保持世代数 ${generations}、毎日 ${time} のバックアップが予定どおり実行された場合）。` +
    'バックアップフォルダの添付ファイルの控え（attachments/）も同じ日までに削除されます。',
  manual: '自動実行（KOTAE_SCHEDULER）が無効のため、これらの世代は手動で削除するまで残ります。',
  beforeRestore: (n: number) =>
    `復元時の退避コピー（before-restore-*）${n} 件にも、消去したデータが残っている場合があります。` +
    '最短の保存期間を過ぎると、保存期間経過データの自動削除で削除されます。',
  noBeforeRestore: '復元時の退避コピー（before-restore-*）: なし',
} as const;

/** The sections of a certificate's residue (none for certificates issued before it was recorded). */
export function residueSections(r: DeletionResidue | undefined): CertificateSection[] {
  if (!r) return [];
  const T = RESIDUE_TEXT;
  const { backups } = r;
  const copies: string[] = [];
  if (backups.external) copies.push(T.external);
  if (backups.generations.length === 0) {
    if (!backups.external) copies.push(T.noGenerations(backups.dir));
  } else {
    copies.push(T.generations(backups.generations.length, backups.dir));
    copies.push(...backups.generations.map((g) => T.copy(g, '取得')));
    if (backups.rotation && backups.goneBy)
      copies.push(T.goneBy(backups.goneBy, backups.rotation.generations, backups.rotation.time));
    else copies.push(T.manual);
  }
  if (r.beforeRestore.length === 0) copies.push(T.noBeforeRestore);
  else {
    copies.push(T.beforeRestore(r.beforeRestore.length));
    copies.push(...r.beforeRestore.map((c) => T.copy(c, '作成')));
  }
  const storage = r.attachmentStorage;
  return [
    { heading: T.tickets, lines: [r.ticketNumbers.length ? T.ticketList(r.ticketNumbers) : T.noTickets] },
    {
      heading: T.storage,
      lines: [storage.shared ? T.shared(storage.dir) : T.perInstance(storage.dir, storage.instance)],
    },
    { heading: T.remains, lines: copies },
  ];
}
