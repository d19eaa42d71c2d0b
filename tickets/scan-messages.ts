/** Japanese texts about the malware scan of uploaded files (refusals and the operators' alert). */

/** Refusals and the alert. */
export const SCAN_MESSAGES = Object.freeze({
  infected: (fileName: string, signature: string) =>
    `「${fileName}」からウイルスが検出されたため、受け付けられませんでした。（検出名: ${signature}）ファイルは保存していません。`,
  unavailable: (fileName: string) =>
    `ウイルス検査を実行できないため、「${fileName}」を受け付けられませんでした。しばらくしてからもう一度お試しください。`,
  tooLargeToScan: (fileName: string) =>
    `「${fileName}」は大きすぎるため、ウイルス検査ができず受け付けられませんでした。ファイルを分けるか小さくしてから、もう一度お試しください。`,
  alertSubject: (signature: string) => `【Kotae】アップロードされたファイルからウイルスを検出しました（${signature}）`,
  alertBody: (p: { fileName: string; signature: string; channel: string; uploadedBy: string; at: string }) =>
    [
      `検出名: ${p.signature}`,
      `ファイル名: ${p.fileName}`,
      `経路: ${p.channel}`,
      `送信者: ${p.uploadedBy}`,
      `日時: ${p.at}`,
      'ファイルは受け付けず、保存していません。送信者の端末の確認をご検討ください（詳細は監査ログ attachment.infected）。',
    ].join('\n'),
});
