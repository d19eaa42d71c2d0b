/**
 * The quarantined manuals' folder as the release uses it: the newest copy of a name with the quarantined content
 * is found (another content or name is not), moved back to the uploads, and never over a file of that name there;
 * a move back is undone; a copy is looked up by its exact name (the quarantine's time and the manual's name).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { quarantinedManualFiles } from '../../../app/quarantined-manual-files';
import { tempDir } from '../../helpers/temp-dir';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('quarantinedManualFiles', () => {
  let t: ReturnType<typeof tempDir>;
  let quarantineDir: string;
  let uploadsDir: string;
  beforeEach(() => {
    t = tempDir('kotae-qmanuals-');
    quarantineDir = path.join(t.dir, 'quarantine', 'manuals');
    uploadsDir = path.join(t.dir, 'knowledge', 'uploads');
    fs.mkdirSync(quarantineDir, { recursive: true });
    for (const [name, text] of [
      ['20260501T000000Z-vpn.md', 'old'],
      ['20260601T000000Z-vpn.md', 'new'],
      ['20260701T000000Z-vpn.md', 'newest, other content'],
      ['20260601T000000Z-mail.md', 'new'],
      ['vpn.md', 'new'],
    ] as const)
      fs.writeFileSync(path.join(quarantineDir, name), text);
  });
  afterEach(() => t.cleanup());

  it('finds the newest copy of the name with that content, and moves it back', async () => {
    const files = quarantinedManualFiles({ quarantineDir, uploadsDir });
    assert.equal(await files.find(sha('new'), 'other.md'), undefined);
    assert.equal(await files.find(sha('gone'), 'vpn.md'), undefined);
    const copy = await files.find(sha('new'), 'vpn.md');
    assert.equal(copy?.name, 'vpn.md');
    let read = '';
    for await (const chunk of await copy!.read()) read += Buffer.from(chunk).toString();
    assert.equal(read, 'new');
    assert.equal(await files.uploaded('vpn.md'), false);
    assert.equal(await files.restore(copy!), true);
    assert.equal(fs.readFileSync(path.join(uploadsDir, 'vpn.md'), 'utf8'), 'new');
    assert.equal(await files.uploaded('vpn.md'), true);
    assert.deepEqual(fs.readdirSync(quarantineDir).sort(), [
      '20260501T000000Z-vpn.md',
      '20260601T000000Z-mail.md',
      '20260701T000000Z-vpn.md',
      'vpn.md',
    ]);
  });

  it('tells whether the copy quarantined at a time (to the second) is kept, by its exact name', async () => {
    const files = quarantinedManualFiles({ quarantineDir, uploadsDir });
    assert.equal(await files.kept('vpn.md', new Date('2026-06-01T00:00:00.987Z')), true);
    assert.equal(await files.kept('vpn.md', new Date('2026-06-01T00:00:01Z')), false, 'another second');
    assert.equal(await files.kept('mail.md', new Date('2026-05-01T00:00:00Z')), false, 'another name');
    assert.equal(await files.kept('../manuals/20260601T000000Z-vpn.md', new Date(0)), false, 'not a path');
    fs.rmSync(path.join(quarantineDir, '20260601T000000Z-vpn.md'));
    assert.equal(await files.kept('vpn.md', new Date('2026-06-01T00:00:00Z')), false, 'removed by hand');
  });

  it('undoes a move back (release not saved): the manual returns to its quarantined copy', async () => {
    const files = quarantinedManualFiles({ quarantineDir, uploadsDir });
    const copy = await files.find(sha('new'), 'vpn.md');
    assert.equal(await files.restore(copy!), true);
    await files.unrestore(copy!);
    assert.equal(fs.existsSync(path.join(uploadsDir, 'vpn.md')), false);
    assert.equal(fs.readFileSync(path.join(quarantineDir, '20260601T000000Z-vpn.md'), 'utf8'), 'new');
    assert.equal((await files.find(sha('new'), 'vpn.md'))?.name, 'vpn.md', 'released again later');
  });

  it('never replaces a file of that name in the uploads (a newer upload): nothing moved', async () => {
    const files = quarantinedManualFiles({ quarantineDir, uploadsDir });
    const copy = await files.find(sha('old'), 'vpn.md');
    fs.mkdirSync(uploadsDir, { recursive: true });
    fs.writeFileSync(path.join(uploadsDir, 'vpn.md'), 'newer upload');
    assert.equal(await files.restore(copy!), false);
    assert.equal(fs.readFileSync(path.join(uploadsDir, 'vpn.md'), 'utf8'), 'newer upload');
    assert.equal(fs.existsSync(path.join(quarantineDir, '20260501T000000Z-vpn.md')), true);
  });
});
