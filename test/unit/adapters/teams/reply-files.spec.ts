/**
 * How an operator's file goes to Teams: inline up to the size limit for PNG/JPEG/GIF, otherwise a
 * FileConsentCard in a personal chat and a signed link elsewhere (one message for all links).
 */
import assert from 'node:assert/strict';
import {
  INLINE_IMAGE_MAX_BYTES,
  replyFileActivities,
  type ReplyFile,
  type ReplyFiles,
} from '../../../../adapters/teams/reply-files';

const file = (id: string, fileName: string, contentType: string, sizeBytes: number): ReplyFile => ({
  id,
  conversationId: 'conv-1',
  fileName,
  contentType,
  sizeBytes,
});

const source: ReplyFiles = {
  filesOf: async () => [],
  file: async () => assert.fail('not used'),
  read: async (f) => Buffer.alloc(f.sizeBytes, 1),
  link: (f) => `https://kotae.example.lg.jp/api/files/${f.id}?exp=1&sig=${'0'.repeat(64)}`,
};

describe('Teams reply files', () => {
  const small = file('a1', '画面.png', 'image/png', INLINE_IMAGE_MAX_BYTES);
  const large = file('a2', '大きな画面.png', 'image/png', INLINE_IMAGE_MAX_BYTES + 1);
  const pdf = file('a3', '手順書.pdf', 'application/pdf', 2048);
  const webp = file('a4', '画面.webp', 'image/webp', 1024);

  it('personal chat: an image up to the limit inline, anything else by FileConsentCard', async () => {
    const activities = await replyFileActivities([small, large, pdf, webp], 'personal', source);
    const attachments = activities.map((a) => a.attachments?.[0]);
    assert.deepEqual(
      attachments.map((a) => [a?.contentType, a?.name]),
      [
        ['image/png', '画面.png'],
        ['application/vnd.microsoft.teams.card.file.consent', '大きな画面.png'],
        ['application/vnd.microsoft.teams.card.file.consent', '手順書.pdf'],
        ['application/vnd.microsoft.teams.card.file.consent', '画面.webp'],
      ],
    );
    assert.equal(
      attachments[0]?.contentUrl,
      `data:image/png;base64,${Buffer.alloc(small.sizeBytes, 1).toString('base64')}`,
    );
    assert.deepEqual(attachments[2]?.content, {
      description: 'ヘルプデスクからのファイル「手順書.pdf」です。',
      sizeInBytes: 2048,
      acceptContext: { kotae: 'reply-file', conversationId: 'conv-1', attachmentId: 'a3' },
      declineContext: { kotae: 'reply-file', conversationId: 'conv-1', attachmentId: 'a3' },
    });
  });

  it('group chat or channel: small images inline, the rest as signed links in one message', async () => {
    for (const scope of ['groupChat', 'channel', undefined]) {
      const activities = await replyFileActivities([small, pdf, large], scope, source);
      assert.equal(activities.length, 2);
      assert.equal(activities[0].attachments?.[0]?.contentType, 'image/png');
      assert.equal(
        activities[1].text,
        [
          `📎 ヘルプデスクからのファイル「手順書.pdf」: [ダウンロード](${source.link(pdf)})（リンクの有効期限は7日間です）`,
          `📎 ヘルプデスクからのファイル「大きな画面.png」: [ダウンロード](${source.link(large)})（リンクの有効期限は7日間です）`,
        ].join('\n\n'),
      );
    }
  });
});
