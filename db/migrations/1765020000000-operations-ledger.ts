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

/**
 * The operations ledger (issue 16 points 1 and 3): sites, terminals and their change history, the
 * terminal a ticket concerns, planned-work campaigns and the state of each terminal's work.
 */
export class OperationsLedger1765020000000 implements MigrationInterface {
  name = 'OperationsLedger1765020000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const q = (sql: string) => queryRunner.query(sql);
    /** `"name" type NULL|NOT NULL` columns; the first one is the primary key. */
    const table = async (name: string, columns: [string, string, boolean?][]) => {
      const [key, ...rest] = columns;
      const first = d === 'sqlite' ? `"${key[0]}" ${key[1]} PRIMARY KEY NOT NULL` : `"${key[0]}" ${key[1]} NOT NULL`;
      const others = rest.map(([c, type, nullable]) => `"${c}" ${type} ${nullable ? 'NULL' : 'NOT NULL'}`);
      const pk = d === 'sqlite' ? '' : `, CONSTRAINT "PK_${name}" PRIMARY KEY ("${key[0]}")`;
      await q(`CREATE TABLE "${name}" (${[first, ...others].join(', ')}${pk})`);
    };
    const index = (name: string, columns: string[], unique = false) =>
      q(
        `CREATE ${unique ? 'UNIQUE ' : ''}INDEX "IX_${name}_${columns.join('_')}" ON "${name}" (${columns.map((c) => `"${c}"`).join(', ')})`,
      );
    await table('site', [
      ['id', t.id],
      ['name', t.text(100)],
      ['kind', t.text(16)],
      ['createdAt', t.date],
      ['updatedAt', t.date],
    ]);
    await index('site', ['name'], true);
    await table('terminal', [
      ['id', t.id],
      ['computerName', t.text(64)],
      ['ipAddress', t.text(45)],
      ['macAddress', t.text(17), true],
      ['model', t.text(200), true],
      ['os', t.text(100), true],
      ['osVersion', t.text(100), true],
      ['siteId', t.id],
      ['department', t.text(200), true],
      ['userName', t.text(200), true],
      ['status', t.text(16)],
      ['createdAt', t.date],
      ['updatedAt', t.date],
      ['version', t.int],
    ]);
    await index('terminal', ['computerName'], true);
    await index('terminal', ['ipAddress'], true);
    await index('terminal', ['siteId', 'computerName']);
    await table('terminal_change', [
      ['id', t.id],
      ['terminalId', t.id],
      ['at', t.date],
      ['actor', t.text(100)],
      ['action', t.text(16)],
      ['changes', t.long, true],
    ]);
    await index('terminal_change', ['terminalId', 'at']);
    await table('ticket_terminal', [
      ['ticketId', t.id],
      ['terminalId', t.id],
      ['linkedAt', t.date],
      ['linkedBy', t.text(100)],
    ]);
    await index('ticket_terminal', ['terminalId']);
    await table('campaign', [
      ['id', t.id],
      ['kind', t.text(32)],
      ['title', t.text(200)],
      ['releaseDate', t.text(10), true],
      ['windowStart', t.date],
      ['windowEnd', t.date],
      ['description', t.long, true],
      ['createdBy', t.text(100)],
      ['createdAt', t.date],
    ]);
    await index('campaign', ['windowStart', 'windowEnd']);
    await index('campaign', ['createdAt']);
    await table('campaign_target', [
      ['id', t.id],
      ['campaignId', t.id],
      ['terminalId', t.id],
      ['siteId', t.id],
      ['computerName', t.text(64)],
      ['state', t.text(16)],
      ['note', t.long, true],
      ['ticketId', t.id, true],
      ['startedAt', t.date, true],
      ['finishedAt', t.date, true],
      ['updatedAt', t.date],
      ['updatedBy', t.text(100), true],
      ['version', t.int],
    ]);
    await index('campaign_target', ['campaignId', 'terminalId'], true);
    await index('campaign_target', ['terminalId']);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['campaign_target', 'campaign', 'ticket_terminal', 'terminal_change', 'terminal', 'site'])
      await queryRunner.query(`DROP TABLE "${name}"`);
  }
}
