import type { MigrationInterface, QueryRunner } from 'typeorm';

type Dialect = 'better-sqlite3' | 'postgres' | 'mssql';

/** Column types written out per dialect (see COMMON rules: frozen DDL, never derived from tables.ts). */
const TYPES: Record<Dialect, { date: string; phone: string; hash: string }> = {
  'better-sqlite3': { date: 'datetime', phone: 'varchar(100)', hash: 'varchar(64)' },
  postgres: { date: 'timestamp(3)', phone: 'varchar(100)', hash: 'varchar(64)' },
  mssql: { date: 'datetime2', phone: 'nvarchar(100)', hash: 'nvarchar(64)' },
};

/** The columns this migration adds: [table, column, type key]. */
const COLUMNS: readonly [string, string, keyof (typeof TYPES)[Dialect]][] = [
  ['conversation', 'requesterPhone', 'phone'],
  ['conversation', 'accessTokenHash', 'hash'],
  ['ticket', 'requesterPhone', 'phone'],
  ['ticket', 'requesterRepliedAt', 'date'],
  ['ticket_comment', 'readAt', 'date'],
];

/**
 * The ticket conversation (issue 18): the requester's 内線/電話, the web chat page's secret, the
 * 「依頼者から返信あり」 flag, read receipts of web chat replies, and tickets looked up by conversation.
 * A column or index that already exists is left alone (databases created while the initial migration
 * still built every table from tables.ts have them).
 */
export class TicketConversation1764100000000 implements MigrationInterface {
  name = 'TicketConversation1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = queryRunner.connection.options.type as Dialect;
    const types = TYPES[dialect] ?? TYPES['better-sqlite3'];
    const q = (name: string) => (dialect === 'mssql' ? `[${name}]` : `"${name}"`);
    for (const [table, column, type] of COLUMNS) {
      if (await queryRunner.hasColumn(table, column)) continue;
      const add = dialect === 'mssql' ? 'ADD' : 'ADD COLUMN';
      await queryRunner.query(`ALTER TABLE ${q(table)} ${add} ${q(column)} ${types[type]} NULL`);
    }
    const table = await queryRunner.getTable('ticket');
    if (!table?.indices.some((i) => i.name === 'IX_ticket_conversationId')) {
      await queryRunner.query(
        `CREATE INDEX ${q('IX_ticket_conversationId')} ON ${q('ticket')} (${q('conversationId')})`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const dialect = queryRunner.connection.options.type as Dialect;
    const q = (name: string) => (dialect === 'mssql' ? `[${name}]` : `"${name}"`);
    await queryRunner.query(
      dialect === 'mssql'
        ? `DROP INDEX ${q('IX_ticket_conversationId')} ON ${q('ticket')}`
        : `DROP INDEX ${q('IX_ticket_conversationId')}`,
    );
    for (const [table, column] of [...COLUMNS].reverse()) {
      await queryRunner.query(`ALTER TABLE ${q(table)} DROP COLUMN ${q(column)}`);
    }
  }
}
