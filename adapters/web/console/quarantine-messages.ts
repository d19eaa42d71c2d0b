/** Japanese texts of the console's 隔離ファイル page (quarantined files across tickets). */
export const QUARANTINE_LIST_TEXT = Object.freeze({
  nav: '隔離ファイル',
  title: '隔離ファイル',
  lead: (pageSize: number, keepDays: number) =>
    `再検査でウイルスが検出され隔離された添付ファイルとマニュアルです（隔離した日時の新しい順、${pageSize}件ずつ）。保管期間は隔離から${keepDays}日です（KOTAE_QUARANTINE_KEEP_DAYS）。`,
  empty: '隔離されたファイルはありません。',
  fileName: 'ファイル名',
  signature: '検出名',
  quarantined: '隔離（日時・経緯）',
  where: 'チケット・場所',
  file: 'ファイル',
  status: '状態',
  byRescan: (version: string) => `再検査（定義: ${version}）`,
  byRescanUnknown: '再検査（記録なし）',
  unknownAt: '不明',
  manual: (name: string) => `マニュアル（knowledge/uploads/${name}）`,
  heldConversation: (id: string) => `チケット化前の会話 ${id}`,
  kept: (removeAt: string) => `保管中（${removeAt} に削除予定）`,
  removed: (removeAt: string) => `削除済み（保管期間経過: ${removeAt}）`,
  elsewhere: (removeAt: string) => `このサーバーにはありません（別のサーバーに保存。${removeAt} に削除予定）`,
  missing: 'ファイルがありません',
  /** A quarantined manual's copy no longer in quarantine/manuals (removed by hand) although quarantined here. */
  manualGone: '削除済み（quarantine/manuals にありません）',
  /** KOTAE_ATTACHMENT_STORAGE=instance: the manual's copy is kept by the instance whose rescan quarantined it. */
  manualElsewhere: (server: string, removeAt: string) =>
    `このサーバーにはありません（サーバー「${server}」に保存。${removeAt} に削除予定。解除はそのサーバーで）`,
  releasedKept: '保管中（解除済みのため削除しません）',
  quarantinedState: '隔離中',
  released: (by: string, at: string, version: string) => `解除済み（${by}、${at}、定義: ${version}）`,
  releasedByUnknown: '記録なし',
  notFound: '隔離ファイルの一覧は利用できません。',
  /** After an administrator released a quarantined manual (notice `manualReleased`). */
  manualReleased:
    'マニュアルの隔離を解除しました。ナレッジの管理（knowledge/uploads）に戻し、回答の索引への取り込みを始めました。',
  /** The ingest's reason after a manual's release. */
  manualReindexReason: (name: string) => `隔離を解除したマニュアル（${name}）`,
  prev: '新しい隔離へ',
  next: '古い隔離へ',
});
