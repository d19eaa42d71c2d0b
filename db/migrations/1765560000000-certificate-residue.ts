import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = { sqlite: 'text', postgres: 'text', mssql: 'nvarchar(MAX)' } as const;

/**
 * What a deletion certificate says remains after the run (`deletion_certificate.residue`, JSON: the
 * deleted tickets' numbers, the attachment folder, the backup generations and restore safety copies
 * still holding the data and when they go; session 31). Older certificates have none (NULL).
 */
export class CertificateResidue1765560000000 implements MigrationInterface {
  name = 'CertificateResidue1765560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    await queryRunner.query(`ALTER TABLE "deletion_certificate" ${add} "residue" ${TYPES[d]} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deletion_certificate" DROP COLUMN "residue"`);
  }
}
