import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: { text: (n: number) => `varchar(${n})`, date: 'datetime', int: 'integer' },
  postgres: { text: (n: number) => `varchar(${n})`, date: 'timestamp(3)', int: 'integer' },
  mssql: { text: (n: number) => `nvarchar(${n})`, date: 'datetime2', int: 'int' },
} as const;

/**
 * Malware-scan operations (session 35). `file_scan`: the last verdict of each stored attachment file and
 * uploaded manual (by content hash), the signature version it was scanned with and the claim of the rescan
 * (`kotae scan-attachments`) scanning it now, so a rescan resumes after a stop and two instances never scan
 * or quarantine one file twice; an infected verdict quarantines every attachment row of that content.
 * `alert_repeat`: when each alert (event and alert key) was last sent and how many repeats were held back
 * since (KOTAE_ALERT_REPEAT_MINUTES), changed by conditional updates shared by the instances.
 */
export class FileScansAlertRepeats1766700000000 implements MigrationInterface {
  name = 'FileScansAlertRepeats1766700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const key = (n: number) => (d === 'sqlite' ? `${t.text(n)} PRIMARY KEY NOT NULL` : `${t.text(n)} NOT NULL`);
    const pk = (table: string) => (d === 'sqlite' ? '' : `, CONSTRAINT "PK_${table}" PRIMARY KEY ("id")`);
    await queryRunner.query(
      `CREATE TABLE "file_scan" ("id" ${key(80)}, "store" ${t.text(16)} NOT NULL, "sha256" ${t.text(64)} NOT NULL, ` +
        `"fileName" ${t.text(400)} NULL, "verdict" ${t.text(16)} NULL, "signature" ${t.text(200)} NULL, ` +
        `"signatureVersion" ${t.text(200)} NULL, "scannedAt" ${t.date} NULL, "claimedBy" ${t.text(200)} NULL, ` +
        `"claimedUntil" ${t.date} NULL${pk('file_scan')})`,
    );
    await queryRunner.query(
      `CREATE TABLE "alert_repeat" ("id" ${key(250)}, "event" ${t.text(32)} NOT NULL, "sentAt" ${t.date} NOT NULL, ` +
        `"lastKey" ${t.text(400)} NOT NULL, "lastHeld" ${t.int} NOT NULL, "held" ${t.int} NOT NULL, ` +
        `"released" ${t.int} NOT NULL${pk('alert_repeat')})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "alert_repeat"`);
    await queryRunner.query(`DROP TABLE "file_scan"`);
  }
}
