/**
 * Migration 1764200000000 on SQLite: the attachment table of the first schema (ticketId required,
 * no content columns) becomes the new one with its rows kept as operator metadata, and back.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AttachmentFiles1764200000000 } from '../../../db/migrations/1764200000000-attachment-files';
import { tempDir } from '../../helpers/temp-dir';

describe('migration AttachmentFiles1764200000000 (SQLite)', () => {
  it('rebuilds the table with optional ticketId, new columns and indexes, keeping rows; down() restores it', async () => {
    const temp = tempDir('kotae-mig-');
    const ds = new DataSource({ type: 'better-sqlite3', database: path.join(temp.dir, 'm.sqlite') });
    await ds.initialize();
    const qr = ds.createQueryRunner();
    try {
      await qr.query(
        'CREATE TABLE "attachment" ("id" varchar(36) PRIMARY KEY NOT NULL, "ticketId" varchar(36) NOT NULL, ' +
          '"fileName" varchar(400) NOT NULL, "contentType" varchar(200) NOT NULL, "sizeBytes" integer NOT NULL, ' +
          '"createdAt" datetime NOT NULL, "uploadedBy" varchar(100) NOT NULL)',
      );
      await qr.query('CREATE INDEX "IX_attachment_ticketId" ON "attachment" ("ticketId")');
      await qr.query(
        `INSERT INTO "attachment" VALUES ('a1', 't1', '画面.png', 'image/png', 2048, '2026-04-01 00:00:00', 'op1')`,
      );
      const migration = new AttachmentFiles1764200000000();
      await qr.startTransaction();
      await migration.up(qr);
      await qr.commitTransaction();

      const columns = (await qr.query('PRAGMA table_info("attachment")')) as { name: string; notnull: number }[];
      assert.deepEqual(
        columns.map((c) => [c.name, c.notnull]),
        [
          ['id', 1],
          ['ticketId', 0],
          ['fileName', 1],
          ['contentType', 1],
          ['sizeBytes', 1],
          ['createdAt', 1],
          ['uploadedBy', 1],
          ['conversationId', 0],
          ['commentId', 0],
          ['kind', 1],
          ['sha256', 0],
        ],
      );
      const indexes = ((await qr.query('PRAGMA index_list("attachment")')) as { name: string }[])
        .map((i) => i.name)
        .filter((n) => n.startsWith('IX_'))
        .sort();
      assert.deepEqual(indexes, ['IX_attachment_conversationId', 'IX_attachment_sha256', 'IX_attachment_ticketId']);
      assert.deepEqual(await qr.query('SELECT "id", "ticketId", "fileName", "kind", "sha256" FROM "attachment"'), [
        { id: 'a1', ticketId: 't1', fileName: '画面.png', kind: 'operator', sha256: null },
      ]);
      await qr.query(
        `INSERT INTO "attachment" ("id", "fileName", "contentType", "sizeBytes", "createdAt", "uploadedBy", "conversationId", "kind", "sha256") ` +
          `VALUES ('a2', 'log.txt', 'text/plain', 3, '2026-04-02 00:00:00', '山田', 'c1', 'requester', '${'0'.repeat(64)}')`,
      );

      await qr.startTransaction();
      await migration.down(qr);
      await qr.commitTransaction();
      const back = (await qr.query('PRAGMA table_info("attachment")')) as { name: string }[];
      assert.deepEqual(
        back.map((c) => c.name),
        ['id', 'ticketId', 'fileName', 'contentType', 'sizeBytes', 'createdAt', 'uploadedBy'],
      );
      assert.deepEqual(
        await qr.query('SELECT "id" FROM "attachment"'),
        [{ id: 'a1' }],
        'held files have no place in the old schema',
      );
    } finally {
      await qr.release();
      await ds.destroy();
      temp.cleanup();
    }
  });
});
