import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: { id: 'varchar(36)', text: (n: number) => `varchar(${n})`, long: 'text', date: 'datetime', int: 'integer' },
  postgres: {
    id: 'varchar(36)',
    text: (n: number) => `varchar(${n})`,
    long: 'text',
    date: 'timestamp(3)',
    int: 'integer',
  },
  mssql: {
    id: 'nvarchar(36)',
    text: (n: number) => `nvarchar(${n})`,
    long: 'nvarchar(MAX)',
    date: 'datetime2',
    int: 'int',
  },
} as const;

const TABLES = ['licence_grant', 'licence_pool', 'lending_booking', 'lending_item', 'register_entry'];

/** Issue 16 point 2: the IP-address and computer-name registers, equipment lending and paid licences. */
export class RegistersAndLending1765030000000 implements MigrationInterface {
  name = 'RegistersAndLending1765030000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const key = d === 'sqlite' ? `${t.id} PRIMARY KEY NOT NULL` : `${t.id} NOT NULL`;
    const pk = (table: string) => (d === 'sqlite' ? '' : `, CONSTRAINT "PK_${table}" PRIMARY KEY ("id")`);
    const q = (sql: string) => queryRunner.query(sql);
    await q(
      `CREATE TABLE "register_entry" ("id" ${key}, "kind" ${t.text(20)} NOT NULL, "value" ${t.text(100)} NOT NULL, ` +
        `"activeKey" ${t.text(140)} NOT NULL, "status" ${t.text(16)} NOT NULL, "department" ${t.text(200)} NOT NULL, ` +
        `"requester" ${t.text(200)} NOT NULL, "site" ${t.text(200)} NULL, "terminalRef" ${t.text(100)} NULL, ` +
        `"issuedAt" ${t.date} NOT NULL, "issuedBy" ${t.text(100)} NOT NULL, "issueReason" ${t.text(1000)} NOT NULL, ` +
        `"withdrawnAt" ${t.date} NULL, "withdrawnBy" ${t.text(100)} NULL, "withdrawReason" ${t.text(1000)} NULL` +
        `${pk('register_entry')})`,
    );
    await q(`CREATE UNIQUE INDEX "IX_register_entry_activeKey" ON "register_entry" ("activeKey")`);
    await q(`CREATE INDEX "IX_register_entry_kind_value" ON "register_entry" ("kind", "value")`);
    await q(`CREATE INDEX "IX_register_entry_issuedAt" ON "register_entry" ("issuedAt")`);
    await q(`CREATE INDEX "IX_register_entry_withdrawnAt" ON "register_entry" ("withdrawnAt")`);
    await q(
      `CREATE TABLE "lending_item" ("id" ${key}, "name" ${t.text(200)} NOT NULL, "kind" ${t.text(20)} NOT NULL, ` +
        `"accessories" ${t.long} NOT NULL, "site" ${t.text(200)} NULL, "note" ${t.text(1000)} NULL, ` +
        `"createdAt" ${t.date} NOT NULL, "retiredAt" ${t.date} NULL${pk('lending_item')})`,
    );
    await q(
      `CREATE TABLE "lending_booking" ("id" ${key}, "itemId" ${t.id} NOT NULL, "requester" ${t.text(200)} NOT NULL, ` +
        `"department" ${t.text(200)} NOT NULL, "purpose" ${t.text(1000)} NOT NULL, "startsAt" ${t.date} NOT NULL, ` +
        `"endsAt" ${t.date} NOT NULL, "status" ${t.text(16)} NOT NULL, "createdAt" ${t.date} NOT NULL, ` +
        `"createdBy" ${t.text(100)} NOT NULL, "decidedAt" ${t.date} NULL, "decidedBy" ${t.text(100)} NULL, ` +
        `"rejectReason" ${t.text(1000)} NULL, "checkedOutAt" ${t.date} NULL, "checkedOutBy" ${t.text(100)} NULL, ` +
        `"accessoriesOut" ${t.long} NULL, "returnedAt" ${t.date} NULL, "returnedBy" ${t.text(100)} NULL, ` +
        `"accessoriesReturned" ${t.long} NULL, "returnNote" ${t.text(1000)} NULL${pk('lending_booking')})`,
    );
    await q(`CREATE INDEX "IX_lending_booking_itemId_startsAt" ON "lending_booking" ("itemId", "startsAt")`);
    await q(`CREATE INDEX "IX_lending_booking_startsAt" ON "lending_booking" ("startsAt")`);
    await q(
      `CREATE TABLE "licence_pool" ("id" ${key}, "name" ${t.text(200)} NOT NULL, "seats" ${t.int} NOT NULL, ` +
        `"createdAt" ${t.date} NOT NULL${pk('licence_pool')})`,
    );
    await q(
      `CREATE TABLE "licence_grant" ("id" ${key}, "poolId" ${t.id} NOT NULL, "bookingId" ${t.id} NOT NULL, ` +
        `"startsAt" ${t.date} NOT NULL, "endsAt" ${t.date} NOT NULL, "grantedAt" ${t.date} NOT NULL, ` +
        `"grantedBy" ${t.text(100)} NOT NULL, "releasedAt" ${t.date} NULL, "releasedBy" ${t.text(100)} NULL` +
        `${pk('licence_grant')})`,
    );
    await q(`CREATE INDEX "IX_licence_grant_poolId_startsAt" ON "licence_grant" ("poolId", "startsAt")`);
    await q(`CREATE INDEX "IX_licence_grant_bookingId" ON "licence_grant" ("bookingId")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
