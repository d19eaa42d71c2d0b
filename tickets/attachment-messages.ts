/** Japanese texts about attachments: refusals that name the limit, and the lines replies carry. */

/** `10MB`, `512KB`: the limit as people read it. */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)}MB`;
  const kb = bytes / 1024;
  return kb >= 1 ? `${Math.round(kb)}KB` : `${bytes}バイト`;
}

const ALLOWED =
  '画像（PNG・JPEG・GIF・WebP）、PDF、テキスト・ログ（.txt・.log・.csv）、Office文書（Word・Excel・PowerPoint）、ZIP';

/** Refusals and notices. */
export const ATTACHMENT_MESSAGES = Object.freeze({
  tooLarge: (max: number) => `ファイルが大きすぎます。添付できるのは1ファイル${formatBytes(max)}までです。`,
  empty: (max: number) => `空のファイルは添付できません（1ファイル${formatBytes(max)}まで）。`,
  forbidden: (max: number) =>
    `この種類のファイルは添付できません。添付できるのは${ALLOWED}で、1ファイル${formatBytes(max)}までです。`,
  mismatch: (fileName: string) => `「${fileName}」は、ファイルの内容が名前や種類と一致しないため添付できません。`,
  notText: (fileName: string) =>
    `「${fileName}」はテキストとして読み取れないため添付できません（UTF-8またはShift_JISのテキストのみ）。`,
  noFile: '添付するファイルを選んでください。',
  /** Shown as the uploader when the requester gave no name. */
  unnamedRequester: '名前未入力',
  tooManyFiles: (max: number) => `一度に添付できるファイルは${max}つまでです。`,
  notFound: '添付ファイルが見つかりません。',
  /** KOTAE_ATTACHMENT_STORAGE=instance: the file is kept in another instance's folder (as the release says it). */
  elsewhere: (fileName: string) =>
    `「${fileName}」は別のサーバーに保存されているため、このサーバーからはダウンロードできません。ファイルを保存しているサーバーからダウンロードしてください（KOTAE_ATTACHMENT_STORAGE=instance では、ファイルは受け付けたサーバーにだけ保存されます）。`,
  conversationNotFound: '会話が見つかりません。',
  /** The line a reply carries for each file sent with it. */
  replyLine: (fileName: string, sizeBytes: number) => `📎 添付ファイル: ${fileName}（${formatBytes(sizeBytes)}）`,
  fetchFailed: (fileName: string) => `「${fileName}」を受け取れませんでした。お手数ですが、もう一度送ってください。`,
  /** Said to the requester when a file was kept with their inquiry. */
  received: (fileName: string, ticketNumber?: string) =>
    ticketNumber
      ? `「${fileName}」を ${ticketNumber} に添付しました。`
      : `「${fileName}」を受け取りました。担当者に問い合わせると、このファイルも引き継がれます。`,
});
