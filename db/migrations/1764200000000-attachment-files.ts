import type { MigrationInterface, QueryRunner } from 'typeorm';

type Dialect = 'better-sqlite3' | 'postgres' | 'mssql';

/** Column types per dialect (COMMON.md): id, short text, date, int. */
const TYPES: Record<Dialect, { id: string; text: (n: number) => string; date: string; int: string }> = {
  'better-sqlite3': { id: 'varchar(36)', text: (n) => `varchar(${n})`, date: 'datetime', int: 'integer' },
  postgres: { id: 'varchar(36)', text: (n) => `varchar(${n})`, date: 'timestamp(3)', int: 'integer' },
  mssql: { id: 'nvarchar(36)', text: (n) => `nvarchar(${n})`, date: 'datetime2', int: 'int' },
};

const LEGACY_COLUMNS = ['id', 'ticketId', 'fileName', 'contentType', 'sizeBytes', 'createdAt', 'uploadedBy'];

function dialectOf(queryRunner: QueryRunner): Dialect {
  const type = queryRunner.connection.options.type;
  if (type === 'better-sqlite3' || type === 'postgres' || type === 'mssql') return type;
  throw new Error(`migration AttachmentFiles: unsupported database type ${type}`);
}

/** Quotes an identifier the way the dialect keeps camelCase names. */
function q(dialect: Dialect, name: string): string {
  return dialect === 'mssql' ? `[${name}]` : `"${name}"`;
}

/**
 * Attachments with stored content: ticketId becomes optional (files held on a conversation until
 * it is escalated) and the rows gain conversationId, commentId, kind and sha256. The table is
 * rebuilt (SQLite cannot drop NOT NULL in place); existing rows are kept as operator metadata.
 */
export class AttachmentFiles1764200000000 implements MigrationInterface {
  name = 'AttachmentFiles1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = dialectOf(queryRunner);
    const t = TYPES[d];
    const c = (name: string) => q(d, name);
    await queryRunner.query(
      `CREATE TABLE ${c('attachment_next')} (` +
        `${c('id')} ${t.id} NOT NULL PRIMARY KEY, ` +
        `${c('ticketId')} ${t.id} NULL, ` +
        `${c('fileName')} ${t.text(400)} NOT NULL, ` +
        `${c('contentType')} ${t.text(200)} NOT NULL, ` +
        `${c('sizeBytes')} ${t.int} NOT NULL, ` +
        `${c('createdAt')} ${t.date} NOT NULL, ` +
        `${c('uploadedBy')} ${t.text(100)} NOT NULL, ` +
        `${c('conversationId')} ${t.id} NULL, ` +
        `${c('commentId')} ${t.id} NULL, ` +
        `${c('kind')} ${t.text(16)} NOT NULL, ` +
        `${c('sha256')} ${t.text(64)} NULL)`,
    );
    const legacy = LEGACY_COLUMNS.map(c).join(', ');
    await queryRunner.query(
      `INSERT INTO ${c('attachment_next')} (${legacy}, ${c('kind')}) SELECT ${legacy}, 'operator' FROM ${c('attachment')}`,
    );
    await queryRunner.query(`DROP TABLE ${c('attachment')}`);
    await this.rename(queryRunner, d, 'attachment_next', 'attachment');
    for (const col of ['ticketId', 'conversationId', 'sha256'])
      await queryRunner.query(`CREATE INDEX ${c(`IX_attachment_${col}`)} ON ${c('attachment')} (${c(col)})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = dialectOf(queryRunner);
    const t = TYPES[d];
    const c = (name: string) => q(d, name);
    await queryRunner.query(
      `CREATE TABLE ${c('attachment_prev')} (` +
        `${c('id')} ${t.id} NOT NULL PRIMARY KEY, ` +
        `${c('ticketId')} ${t.id} NOT NULL, ` +
        `${c('fileName')} ${t.text(400)} NOT NULL, ` +
        `${c('contentType')} ${t.text(200)} NOT NULL, ` +
        `${c('sizeBytes')} ${t.int} NOT NULL, ` +
        `${c('createdAt')} ${t.date} NOT NULL, ` +
        `${c('uploadedBy')} ${t.text(100)} NOT NULL)`,
    );
    const legacy = LEGACY_COLUMNS.map(c).join(', ');
    // Files held on a conversation have no ticket and cannot be kept by the older schema.
    await queryRunner.query(
      `INSERT INTO ${c('attachment_prev')} (${legacy}) SELECT ${legacy} FROM ${c('attachment')} WHERE ${c('ticketId')} IS NOT NULL`,
    );
    await queryRunner.query(`DROP TABLE ${c('attachment')}`);
    await this.rename(queryRunner, d, 'attachment_prev', 'attachment');
    await queryRunner.query(`CREATE INDEX ${c('IX_attachment_ticketId')} ON ${c('attachment')} (${c('ticketId')})`);
  }

  private async rename(queryRunner: QueryRunner, d: Dialect, from: string, to: string): Promise<void> {
    if (d === 'mssql') {
      await queryRunner.query(`EXEC sp_rename '${from}', '${to}'`);
      return;
    }
    await queryRunner.query(`ALTER TABLE ${q(d, from)} RENAME TO ${q(d, to)}`);
    // PostgreSQL names the primary key after the table it was created as.
    if (d === 'postgres')
      await queryRunner.query(`ALTER INDEX ${q(d, `${from}_pkey`)} RENAME TO ${q(d, `${to}_pkey`)}`);
  }
}
