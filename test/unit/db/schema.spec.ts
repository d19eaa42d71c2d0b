import assert from 'node:assert/strict';
import { createDataSource } from '../../../db';
import { ALL_TABLES } from '../../../db/schema/tables';
import { toEntitySchema, toTable } from '../../../db/schema/table-spec';

describe('portable schema', () => {
  it('gives SQL Server nvarchar text and datetime2 times, SQLite text and datetime', () => {
    const ticketMs = toTable(
      ALL_TABLES.find((t) => t.name === 'ticket')!,
      'mssql',
    );
    const col = (name: string) => ticketMs.columns.find((c) => c.name === name)!;
    assert.equal(col('title').type, 'nvarchar');
    assert.equal(col('details').type, 'nvarchar');
    assert.equal(col('details').length, 'MAX');
    assert.equal(col('createdAt').type, 'datetime2');
    const ticketLite = toTable(
      ALL_TABLES.find((t) => t.name === 'ticket')!,
      'sqlite',
    );
    assert.equal(ticketLite.columns.find((c) => c.name === 'details')!.type, 'text');
    assert.equal(ticketLite.columns.find((c) => c.name === 'createdAt')!.type, 'datetime');
  });

  it('builds entities for both dialects from the same tables, with synchronize off', () => {
    for (const dialect of ['sqlite', 'mssql'] as const) {
      for (const table of ALL_TABLES) assert.equal(toEntitySchema(table, dialect).options.name, table.name);
    }
    const ms = createDataSource({
      kind: 'mssql',
      host: 'db',
      port: 1433,
      user: 'u',
      password: 'p',
      database: 'kotae',
      encrypt: true,
      trustServerCertificate: false,
    });
    assert.equal(ms.options.type, 'mssql');
    assert.equal(ms.options.synchronize, false);
    assert.equal((ms.options.entities as unknown[]).length, ALL_TABLES.length);
  });

  it('indexes the columns the queue and the reports filter on', () => {
    const names = (table: string) =>
      (ALL_TABLES.find((t) => t.name === table)!.indices ?? []).map((i) => i.columns.join(','));
    assert.ok(names('ticket').includes('status') && names('ticket').includes('createdAt'));
    assert.ok(names('question').includes('askedAt'));
    // The conversation-log export reads questions, feedback and tickets by conversation.
    assert.ok(['question', 'feedback', 'ticket'].every((t) => names(t).includes('conversationId')));
  });
});
