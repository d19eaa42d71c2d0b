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
  /** `kotae scan-attachments` without KOTAE_CLAMD_*. */
  noScanner:
    'ウイルス検査の接続先が設定されていません。KOTAE_CLAMD_HOST と KOTAE_CLAMD_PORT、または KOTAE_CLAMD_SOCKET を設定してください。',
  /** A rescan whose scanner does not answer at start. */
  rescanUnavailable: (error: string) =>
    `ウイルス検査サーバー（clamd）に接続できないため、検査できませんでした。（${error}）`,
  /** The download of a file a rescan quarantined (410). */
  quarantined: (fileName: string, signature: string) =>
    `「${fileName}」はウイルス（検出名: ${signature}）が検出されたため隔離しました。ダウンロードできません。必要な場合はヘルプデスクにお問い合わせください。`,
  /** An administrator's release of a quarantined attachment (console). */
  releaseReasonRequired: '隔離を解除する理由を入力してください。',
  releaseReasonTooLong: (max: number) => `隔離を解除する理由は${max}文字以内で入力してください。`,
  releaseStillInfected: '最新の検査でもウイルスが検出されたため、隔離を解除できません。',
  releaseUnavailable:
    'ウイルス検査サーバー（clamd）に接続できないため、隔離を解除できませんでした。何も変更していません。しばらくしてからもう一度お試しください。',
  releaseNoScanner:
    'ウイルス検査の接続先が設定されていないため、隔離を解除できません。KOTAE_CLAMD_HOST と KOTAE_CLAMD_PORT、または KOTAE_CLAMD_SOCKET を設定してください。',
  releaseTooLarge: (fileName: string) =>
    `「${fileName}」は大きすぎるため、ウイルス検査ができず隔離を解除できません。clamd の StreamMaxLength を確認してください。`,
  releaseGone: (fileName: string) =>
    `「${fileName}」は隔離の保管期間（KOTAE_QUARANTINE_KEEP_DAYS）を過ぎてファイルを削除したため、隔離を解除できません。`,
  /** KOTAE_ATTACHMENT_STORAGE=instance: the file is kept in another instance's folder. */
  releaseElsewhere: (fileName: string) =>
    `「${fileName}」は別のサーバーに保存されているため、このサーバーでは隔離を解除できません。ファイルを保存しているサーバーで解除してください（KOTAE_ATTACHMENT_STORAGE=instance では、ファイルは受け付けたサーバーにだけ保存されます）。`,
  releaseNotQuarantined: (fileName: string) => `「${fileName}」は隔離されていません。`,
  /** An administrator's release of a quarantined manual (console 隔離ファイル). */
  releaseManualNotQuarantined: 'このマニュアルは隔離されていません（解除済みか、隔離の記録がありません）。',
  /** KOTAE_ATTACHMENT_STORAGE=instance: the manual's copy is kept by the instance whose rescan quarantined it. */
  releaseManualElsewhere: (fileName: string, server: string) =>
    `「${fileName}」は別のサーバー（${server}）の隔離フォルダーに保管されているため、このサーバーでは隔離を解除できません。サーバー「${server}」の管理コンソールで解除してください（KOTAE_ATTACHMENT_STORAGE=instance では、隔離したマニュアルは再検査したサーバーにだけ保管されます）。`,
  /** The release was not saved (the database); the manual was moved back into quarantine. */
  releaseManualNotSaved:
    'データベースに解除を保存できなかったため、隔離を解除できませんでした。マニュアルは隔離したままです。しばらくしてからもう一度お試しください。',
  /** The release was not saved and the manual could not be moved back into quarantine either. */
  releaseManualNotSavedStuck: (fileName: string) =>
    `データベースに解除を保存できなかったため、隔離を解除できませんでした。「${fileName}」を隔離フォルダーに戻すこともできず、knowledge/uploads に残っています（隔離は解除されていません）。サーバーのログを確認し、ファイルを quarantine/manuals に戻すか、ナレッジの管理で「${fileName}」を削除してください。`,
  releaseManualNameTaken: (fileName: string) =>
    `ナレッジの管理に同じ名前のファイル「${fileName}」があるため、隔離を解除できません。新しいファイルを上書きしないよう、何も変更していません。隔離したマニュアルを戻す場合は、ナレッジの管理で「${fileName}」を削除してから、もう一度お試しください。`,
  rescanAlertSubject: (count: number) =>
    `【Kotae】保存済みファイルの再検査でウイルスを検出し、隔離しました（${count} 件）`,
  rescanAlertBody: (p: { version: string; at: string; lines: string[]; more: number }) =>
    [
      `検査日時: ${p.at}`,
      `定義のバージョン: ${p.version}`,
      '',
      ...p.lines,
      ...(p.more > 0 ? [`ほか ${p.more} 件（監査ログ attachment.infected を参照）`] : []),
      '',
      '隔離したファイルはダウンロードできなくなりました（添付ファイルは「隔離済み」と表示されます）。送信者の端末の確認をご検討ください。',
    ].join('\n'),
  /** One quarantined file in the rescan alert. */
  rescanAlertLine: (p: { fileName: string; signature: string; where: string; uploadedBy?: string }) =>
    `・${p.fileName}（検出名: ${p.signature}）${p.where}${p.uploadedBy ? ` 送信者: ${p.uploadedBy}` : ''}`,
});
