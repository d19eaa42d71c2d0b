/**
 * The first schema version (the release before PostgreSQL support), frozen as explicit DDL per
 * dialect. Never edit it and never make it read db/schema/tables.ts: a migration that builds tables
 * from the live entity definitions makes a fresh and an upgraded database differ after the first
 * change. The SQLite statements are byte for byte what the previous release stored in sqlite_master
 * (a test compares them), so databases that already recorded this migration have exactly this schema.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

const SQLITE: readonly string[] = [
  'CREATE TABLE "conversation" ("id" varchar(36) PRIMARY KEY NOT NULL, "channel" varchar(20) NOT NULL, "requesterId" varchar(200), "requesterName" varchar(200), "department" varchar(200), "channelKey" varchar(400), "channelRef" text, "startedAt" datetime NOT NULL, "lastActivityAt" datetime NOT NULL)',
  'CREATE INDEX "IX_conversation_channelKey" ON "conversation" ("channelKey") ',
  'CREATE TABLE "transcript_entry" ("id" varchar(36) PRIMARY KEY NOT NULL, "conversationId" varchar(36) NOT NULL, "seq" integer NOT NULL, "role" varchar(16) NOT NULL, "text" text NOT NULL, "at" datetime NOT NULL)',
  'CREATE INDEX "IX_transcript_entry_conversationId_seq" ON "transcript_entry" ("conversationId", "seq") ',
  'CREATE TABLE "question" ("id" varchar(36) PRIMARY KEY NOT NULL, "conversationId" varchar(36) NOT NULL, "askedAt" datetime NOT NULL, "text" text NOT NULL, "outcome" varchar(16) NOT NULL, "confidence" real NOT NULL, "answer" text NOT NULL, "sources" text NOT NULL, "categoryGuess" varchar(100), "channel" varchar(20) NOT NULL, "requesterId" varchar(200), "requesterName" varchar(200), "department" varchar(200), "latencyMs" integer NOT NULL)',
  'CREATE INDEX "IX_question_askedAt" ON "question" ("askedAt") ',
  'CREATE INDEX "IX_question_conversationId" ON "question" ("conversationId") ',
  'CREATE TABLE "feedback" ("id" varchar(36) PRIMARY KEY NOT NULL, "conversationId" varchar(36) NOT NULL, "questionId" varchar(36), "resolved" boolean NOT NULL, "comment" text, "createdAt" datetime NOT NULL, "dedupeKey" varchar(200) NOT NULL)',
  'CREATE UNIQUE INDEX "IX_feedback_dedupeKey" ON "feedback" ("dedupeKey") ',
  'CREATE INDEX "IX_feedback_createdAt" ON "feedback" ("createdAt") ',
  'CREATE TABLE "ticket" ("id" varchar(36) PRIMARY KEY NOT NULL, "number" varchar(32) NOT NULL, "year" integer NOT NULL, "seq" integer NOT NULL, "conversationId" varchar(36), "status" varchar(16) NOT NULL, "type" varchar(16) NOT NULL, "priority" varchar(16) NOT NULL, "category" varchar(100) NOT NULL, "title" varchar(400) NOT NULL, "details" text NOT NULL, "requesterId" varchar(200), "requesterName" varchar(200), "department" varchar(200), "channel" varchar(20) NOT NULL, "assignee" varchar(100), "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "firstResponseAt" datetime, "resolvedAt" datetime, "closedAt" datetime, "incidentCause" text, "incidentActions" text, "incidentPrevention" text, "holds" text NOT NULL, "version" integer NOT NULL, "dedupeKey" varchar(200) NOT NULL)',
  'CREATE UNIQUE INDEX "IX_ticket_number" ON "ticket" ("number") ',
  'CREATE UNIQUE INDEX "IX_ticket_dedupeKey" ON "ticket" ("dedupeKey") ',
  'CREATE INDEX "IX_ticket_status" ON "ticket" ("status") ',
  'CREATE INDEX "IX_ticket_createdAt" ON "ticket" ("createdAt") ',
  'CREATE INDEX "IX_ticket_assignee" ON "ticket" ("assignee") ',
  'CREATE TABLE "ticket_counter" ("year" integer PRIMARY KEY NOT NULL, "lastSeq" integer NOT NULL)',
  'CREATE TABLE "ticket_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "ticketId" varchar(36) NOT NULL, "at" datetime NOT NULL, "actor" varchar(100) NOT NULL, "field" varchar(64) NOT NULL, "before" text, "after" text)',
  'CREATE INDEX "IX_ticket_event_ticketId" ON "ticket_event" ("ticketId") ',
  'CREATE TABLE "ticket_comment" ("id" varchar(36) PRIMARY KEY NOT NULL, "ticketId" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "author" varchar(100) NOT NULL, "body" text NOT NULL, "createdAt" datetime NOT NULL, "deliveredAt" datetime, "deliveryError" text)',
  'CREATE INDEX "IX_ticket_comment_ticketId" ON "ticket_comment" ("ticketId") ',
  'CREATE TABLE "attachment" ("id" varchar(36) PRIMARY KEY NOT NULL, "ticketId" varchar(36) NOT NULL, "fileName" varchar(400) NOT NULL, "contentType" varchar(200) NOT NULL, "sizeBytes" integer NOT NULL, "createdAt" datetime NOT NULL, "uploadedBy" varchar(100) NOT NULL)',
  'CREATE INDEX "IX_attachment_ticketId" ON "attachment" ("ticketId") ',
  'CREATE TABLE "operator" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(100) NOT NULL, "displayName" varchar(200) NOT NULL, "role" varchar(16) NOT NULL, "passwordHash" varchar(400) NOT NULL, "failedAttempts" integer NOT NULL, "lockedUntil" datetime, "disabled" boolean NOT NULL, "createdAt" datetime NOT NULL)',
  'CREATE UNIQUE INDEX "IX_operator_username" ON "operator" ("username") ',
  'CREATE TABLE "session" ("id" varchar(128) PRIMARY KEY NOT NULL, "operatorId" varchar(36) NOT NULL, "csrfToken" varchar(128) NOT NULL, "createdAt" datetime NOT NULL, "expiresAt" datetime NOT NULL, "lastSeenAt" datetime NOT NULL)',
  'CREATE INDEX "IX_session_operatorId" ON "session" ("operatorId") ',
  'CREATE TABLE "work_log" ("id" varchar(36) PRIMARY KEY NOT NULL, "ticketId" varchar(36), "startedAt" datetime NOT NULL, "endedAt" datetime NOT NULL, "operatorName" varchar(200) NOT NULL, "title" varchar(400) NOT NULL, "content" text NOT NULL, "remarks" text, "createdAt" datetime NOT NULL, "createdBy" varchar(100) NOT NULL)',
  'CREATE INDEX "IX_work_log_startedAt" ON "work_log" ("startedAt") ',
  'CREATE INDEX "IX_work_log_ticketId" ON "work_log" ("ticketId") ',
  'CREATE TABLE "job_run" ("id" varchar(36) PRIMARY KEY NOT NULL, "job" varchar(64) NOT NULL, "startedAt" datetime NOT NULL, "finishedAt" datetime, "status" varchar(16) NOT NULL, "attempt" integer NOT NULL, "error" text, "detail" text)',
  'CREATE INDEX "IX_job_run_job_startedAt" ON "job_run" ("job", "startedAt") ',
  'CREATE TABLE "report" ("id" varchar(36) PRIMARY KEY NOT NULL, "kind" varchar(16) NOT NULL, "period" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "generatedAt" datetime NOT NULL, "issuesText" text, "files" text NOT NULL, "summary" text NOT NULL, "version" integer NOT NULL)',
  'CREATE UNIQUE INDEX "IX_report_kind_period" ON "report" ("kind", "period") ',
  'CREATE TABLE "audit_log" ("id" varchar(36) PRIMARY KEY NOT NULL, "seq" integer NOT NULL, "at" datetime NOT NULL, "actor" varchar(100) NOT NULL, "action" varchar(100) NOT NULL, "target" varchar(200), "detail" text, "prevHash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL)',
  'CREATE UNIQUE INDEX "IX_audit_log_seq" ON "audit_log" ("seq") ',
  'CREATE TABLE "faq_entry" ("id" varchar(32) PRIMARY KEY NOT NULL, "category" varchar(100) NOT NULL, "question" text NOT NULL, "alternateQuestions" text NOT NULL, "answer" text NOT NULL, "sourceUrl" varchar(400), "status" varchar(16) NOT NULL, "ticketId" varchar(36), "createdBy" varchar(100) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "approvedBy" varchar(100), "approvedAt" datetime, "version" integer NOT NULL)',
  'CREATE INDEX "IX_faq_entry_status" ON "faq_entry" ("status") ',
];

const POSTGRES: readonly string[] = [
  'CREATE TABLE "conversation" ("id" varchar(36) NOT NULL, "channel" varchar(20) NOT NULL, "requesterId" varchar(200), "requesterName" varchar(200), "department" varchar(200), "channelKey" varchar(400), "channelRef" text, "startedAt" timestamp(3) NOT NULL, "lastActivityAt" timestamp(3) NOT NULL, CONSTRAINT "PK_conversation" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_conversation_channelKey" ON "conversation" ("channelKey") ',
  'CREATE TABLE "transcript_entry" ("id" varchar(36) NOT NULL, "conversationId" varchar(36) NOT NULL, "seq" integer NOT NULL, "role" varchar(16) NOT NULL, "text" text NOT NULL, "at" timestamp(3) NOT NULL, CONSTRAINT "PK_transcript_entry" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_transcript_entry_conversationId_seq" ON "transcript_entry" ("conversationId", "seq") ',
  'CREATE TABLE "question" ("id" varchar(36) NOT NULL, "conversationId" varchar(36) NOT NULL, "askedAt" timestamp(3) NOT NULL, "text" text NOT NULL, "outcome" varchar(16) NOT NULL, "confidence" double precision NOT NULL, "answer" text NOT NULL, "sources" text NOT NULL, "categoryGuess" varchar(100), "channel" varchar(20) NOT NULL, "requesterId" varchar(200), "requesterName" varchar(200), "department" varchar(200), "latencyMs" integer NOT NULL, CONSTRAINT "PK_question" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_question_askedAt" ON "question" ("askedAt") ',
  'CREATE INDEX "IX_question_conversationId" ON "question" ("conversationId") ',
  'CREATE TABLE "feedback" ("id" varchar(36) NOT NULL, "conversationId" varchar(36) NOT NULL, "questionId" varchar(36), "resolved" boolean NOT NULL, "comment" text, "createdAt" timestamp(3) NOT NULL, "dedupeKey" varchar(200) NOT NULL, CONSTRAINT "PK_feedback" PRIMARY KEY ("id"))',
  'CREATE UNIQUE INDEX "IX_feedback_dedupeKey" ON "feedback" ("dedupeKey") ',
  'CREATE INDEX "IX_feedback_createdAt" ON "feedback" ("createdAt") ',
  'CREATE TABLE "ticket" ("id" varchar(36) NOT NULL, "number" varchar(32) NOT NULL, "year" integer NOT NULL, "seq" integer NOT NULL, "conversationId" varchar(36), "status" varchar(16) NOT NULL, "type" varchar(16) NOT NULL, "priority" varchar(16) NOT NULL, "category" varchar(100) NOT NULL, "title" varchar(400) NOT NULL, "details" text NOT NULL, "requesterId" varchar(200), "requesterName" varchar(200), "department" varchar(200), "channel" varchar(20) NOT NULL, "assignee" varchar(100), "createdAt" timestamp(3) NOT NULL, "updatedAt" timestamp(3) NOT NULL, "firstResponseAt" timestamp(3), "resolvedAt" timestamp(3), "closedAt" timestamp(3), "incidentCause" text, "incidentActions" text, "incidentPrevention" text, "holds" text NOT NULL, "version" integer NOT NULL, "dedupeKey" varchar(200) NOT NULL, CONSTRAINT "PK_ticket" PRIMARY KEY ("id"))',
  'CREATE UNIQUE INDEX "IX_ticket_number" ON "ticket" ("number") ',
  'CREATE UNIQUE INDEX "IX_ticket_dedupeKey" ON "ticket" ("dedupeKey") ',
  'CREATE INDEX "IX_ticket_status" ON "ticket" ("status") ',
  'CREATE INDEX "IX_ticket_createdAt" ON "ticket" ("createdAt") ',
  'CREATE INDEX "IX_ticket_assignee" ON "ticket" ("assignee") ',
  'CREATE TABLE "ticket_counter" ("year" integer NOT NULL, "lastSeq" integer NOT NULL, CONSTRAINT "PK_ticket_counter" PRIMARY KEY ("year"))',
  'CREATE TABLE "ticket_event" ("id" varchar(36) NOT NULL, "ticketId" varchar(36) NOT NULL, "at" timestamp(3) NOT NULL, "actor" varchar(100) NOT NULL, "field" varchar(64) NOT NULL, "before" text, "after" text, CONSTRAINT "PK_ticket_event" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_ticket_event_ticketId" ON "ticket_event" ("ticketId") ',
  'CREATE TABLE "ticket_comment" ("id" varchar(36) NOT NULL, "ticketId" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "author" varchar(100) NOT NULL, "body" text NOT NULL, "createdAt" timestamp(3) NOT NULL, "deliveredAt" timestamp(3), "deliveryError" text, CONSTRAINT "PK_ticket_comment" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_ticket_comment_ticketId" ON "ticket_comment" ("ticketId") ',
  'CREATE TABLE "attachment" ("id" varchar(36) NOT NULL, "ticketId" varchar(36) NOT NULL, "fileName" varchar(400) NOT NULL, "contentType" varchar(200) NOT NULL, "sizeBytes" integer NOT NULL, "createdAt" timestamp(3) NOT NULL, "uploadedBy" varchar(100) NOT NULL, CONSTRAINT "PK_attachment" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_attachment_ticketId" ON "attachment" ("ticketId") ',
  'CREATE TABLE "operator" ("id" varchar(36) NOT NULL, "username" varchar(100) NOT NULL, "displayName" varchar(200) NOT NULL, "role" varchar(16) NOT NULL, "passwordHash" varchar(400) NOT NULL, "failedAttempts" integer NOT NULL, "lockedUntil" timestamp(3), "disabled" boolean NOT NULL, "createdAt" timestamp(3) NOT NULL, CONSTRAINT "PK_operator" PRIMARY KEY ("id"))',
  'CREATE UNIQUE INDEX "IX_operator_username" ON "operator" ("username") ',
  'CREATE TABLE "session" ("id" varchar(128) NOT NULL, "operatorId" varchar(36) NOT NULL, "csrfToken" varchar(128) NOT NULL, "createdAt" timestamp(3) NOT NULL, "expiresAt" timestamp(3) NOT NULL, "lastSeenAt" timestamp(3) NOT NULL, CONSTRAINT "PK_session" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_session_operatorId" ON "session" ("operatorId") ',
  'CREATE TABLE "work_log" ("id" varchar(36) NOT NULL, "ticketId" varchar(36), "startedAt" timestamp(3) NOT NULL, "endedAt" timestamp(3) NOT NULL, "operatorName" varchar(200) NOT NULL, "title" varchar(400) NOT NULL, "content" text NOT NULL, "remarks" text, "createdAt" timestamp(3) NOT NULL, "createdBy" varchar(100) NOT NULL, CONSTRAINT "PK_work_log" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_work_log_startedAt" ON "work_log" ("startedAt") ',
  'CREATE INDEX "IX_work_log_ticketId" ON "work_log" ("ticketId") ',
  'CREATE TABLE "job_run" ("id" varchar(36) NOT NULL, "job" varchar(64) NOT NULL, "startedAt" timestamp(3) NOT NULL, "finishedAt" timestamp(3), "status" varchar(16) NOT NULL, "attempt" integer NOT NULL, "error" text, "detail" text, CONSTRAINT "PK_job_run" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_job_run_job_startedAt" ON "job_run" ("job", "startedAt") ',
  'CREATE TABLE "report" ("id" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "period" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "generatedAt" timestamp(3) NOT NULL, "issuesText" text, "files" text NOT NULL, "summary" text NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_report" PRIMARY KEY ("id"))',
  'CREATE UNIQUE INDEX "IX_report_kind_period" ON "report" ("kind", "period") ',
  'CREATE TABLE "audit_log" ("id" varchar(36) NOT NULL, "seq" integer NOT NULL, "at" timestamp(3) NOT NULL, "actor" varchar(100) NOT NULL, "action" varchar(100) NOT NULL, "target" varchar(200), "detail" text, "prevHash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL, CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"))',
  'CREATE UNIQUE INDEX "IX_audit_log_seq" ON "audit_log" ("seq") ',
  'CREATE TABLE "faq_entry" ("id" varchar(32) NOT NULL, "category" varchar(100) NOT NULL, "question" text NOT NULL, "alternateQuestions" text NOT NULL, "answer" text NOT NULL, "sourceUrl" varchar(400), "status" varchar(16) NOT NULL, "ticketId" varchar(36), "createdBy" varchar(100) NOT NULL, "createdAt" timestamp(3) NOT NULL, "updatedAt" timestamp(3) NOT NULL, "approvedBy" varchar(100), "approvedAt" timestamp(3), "version" integer NOT NULL, CONSTRAINT "PK_faq_entry" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_faq_entry_status" ON "faq_entry" ("status") ',
];

const MSSQL: readonly string[] = [
  'CREATE TABLE "conversation" ("id" nvarchar(36) NOT NULL, "channel" nvarchar(20) NOT NULL, "requesterId" nvarchar(200), "requesterName" nvarchar(200), "department" nvarchar(200), "channelKey" nvarchar(400), "channelRef" nvarchar(MAX), "startedAt" datetime2 NOT NULL, "lastActivityAt" datetime2 NOT NULL, CONSTRAINT "PK_conversation" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_conversation_channelKey" ON "conversation" ("channelKey") ',
  'CREATE TABLE "transcript_entry" ("id" nvarchar(36) NOT NULL, "conversationId" nvarchar(36) NOT NULL, "seq" int NOT NULL, "role" nvarchar(16) NOT NULL, "text" nvarchar(MAX) NOT NULL, "at" datetime2 NOT NULL, CONSTRAINT "PK_transcript_entry" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_transcript_entry_conversationId_seq" ON "transcript_entry" ("conversationId", "seq") ',
  'CREATE TABLE "question" ("id" nvarchar(36) NOT NULL, "conversationId" nvarchar(36) NOT NULL, "askedAt" datetime2 NOT NULL, "text" nvarchar(MAX) NOT NULL, "outcome" nvarchar(16) NOT NULL, "confidence" float NOT NULL, "answer" nvarchar(MAX) NOT NULL, "sources" nvarchar(MAX) NOT NULL, "categoryGuess" nvarchar(100), "channel" nvarchar(20) NOT NULL, "requesterId" nvarchar(200), "requesterName" nvarchar(200), "department" nvarchar(200), "latencyMs" int NOT NULL, CONSTRAINT "PK_question" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_question_askedAt" ON "question" ("askedAt") ',
  'CREATE INDEX "IX_question_conversationId" ON "question" ("conversationId") ',
  'CREATE TABLE "feedback" ("id" nvarchar(36) NOT NULL, "conversationId" nvarchar(36) NOT NULL, "questionId" nvarchar(36), "resolved" bit NOT NULL, "comment" nvarchar(MAX), "createdAt" datetime2 NOT NULL, "dedupeKey" nvarchar(200) NOT NULL, CONSTRAINT "PK_feedback" PRIMARY KEY ("id"))',
  'CREATE UNIQUE INDEX "IX_feedback_dedupeKey" ON "feedback" ("dedupeKey") ',
  'CREATE INDEX "IX_feedback_createdAt" ON "feedback" ("createdAt") ',
  'CREATE TABLE "ticket" ("id" nvarchar(36) NOT NULL, "number" nvarchar(32) NOT NULL, "year" int NOT NULL, "seq" int NOT NULL, "conversationId" nvarchar(36), "status" nvarchar(16) NOT NULL, "type" nvarchar(16) NOT NULL, "priority" nvarchar(16) NOT NULL, "category" nvarchar(100) NOT NULL, "title" nvarchar(400) NOT NULL, "details" nvarchar(MAX) NOT NULL, "requesterId" nvarchar(200), "requesterName" nvarchar(200), "department" nvarchar(200), "channel" nvarchar(20) NOT NULL, "assignee" nvarchar(100), "createdAt" datetime2 NOT NULL, "updatedAt" datetime2 NOT NULL, "firstResponseAt" datetime2, "resolvedAt" datetime2, "closedAt" datetime2, "incidentCause" nvarchar(MAX), "incidentActions" nvarchar(MAX), "incidentPrevention" nvarchar(MAX), "holds" nvarchar(MAX) NOT NULL, "version" int NOT NULL, "dedupeKey" nvarchar(200) NOT NULL, CONSTRAINT "PK_ticket" PRIMARY KEY ("id"))',
  'CREATE UNIQUE INDEX "IX_ticket_number" ON "ticket" ("number") ',
  'CREATE UNIQUE INDEX "IX_ticket_dedupeKey" ON "ticket" ("dedupeKey") ',
  'CREATE INDEX "IX_ticket_status" ON "ticket" ("status") ',
  'CREATE INDEX "IX_ticket_createdAt" ON "ticket" ("createdAt") ',
  'CREATE INDEX "IX_ticket_assignee" ON "ticket" ("assignee") ',
  'CREATE TABLE "ticket_counter" ("year" int NOT NULL, "lastSeq" int NOT NULL, CONSTRAINT "PK_ticket_counter" PRIMARY KEY ("year"))',
  'CREATE TABLE "ticket_event" ("id" nvarchar(36) NOT NULL, "ticketId" nvarchar(36) NOT NULL, "at" datetime2 NOT NULL, "actor" nvarchar(100) NOT NULL, "field" nvarchar(64) NOT NULL, "before" nvarchar(MAX), "after" nvarchar(MAX), CONSTRAINT "PK_ticket_event" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_ticket_event_ticketId" ON "ticket_event" ("ticketId") ',
  'CREATE TABLE "ticket_comment" ("id" nvarchar(36) NOT NULL, "ticketId" nvarchar(36) NOT NULL, "kind" nvarchar(16) NOT NULL, "author" nvarchar(100) NOT NULL, "body" nvarchar(MAX) NOT NULL, "createdAt" datetime2 NOT NULL, "deliveredAt" datetime2, "deliveryError" nvarchar(MAX), CONSTRAINT "PK_ticket_comment" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_ticket_comment_ticketId" ON "ticket_comment" ("ticketId") ',
  'CREATE TABLE "attachment" ("id" nvarchar(36) NOT NULL, "ticketId" nvarchar(36) NOT NULL, "fileName" nvarchar(400) NOT NULL, "contentType" nvarchar(200) NOT NULL, "sizeBytes" int NOT NULL, "createdAt" datetime2 NOT NULL, "uploadedBy" nvarchar(100) NOT NULL, CONSTRAINT "PK_attachment" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_attachment_ticketId" ON "attachment" ("ticketId") ',
  'CREATE TABLE "operator" ("id" nvarchar(36) NOT NULL, "username" nvarchar(100) NOT NULL, "displayName" nvarchar(200) NOT NULL, "role" nvarchar(16) NOT NULL, "passwordHash" nvarchar(400) NOT NULL, "failedAttempts" int NOT NULL, "lockedUntil" datetime2, "disabled" bit NOT NULL, "createdAt" datetime2 NOT NULL, CONSTRAINT "PK_operator" PRIMARY KEY ("id"))',
  'CREATE UNIQUE INDEX "IX_operator_username" ON "operator" ("username") ',
  'CREATE TABLE "session" ("id" nvarchar(128) NOT NULL, "operatorId" nvarchar(36) NOT NULL, "csrfToken" nvarchar(128) NOT NULL, "createdAt" datetime2 NOT NULL, "expiresAt" datetime2 NOT NULL, "lastSeenAt" datetime2 NOT NULL, CONSTRAINT "PK_session" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_session_operatorId" ON "session" ("operatorId") ',
  'CREATE TABLE "work_log" ("id" nvarchar(36) NOT NULL, "ticketId" nvarchar(36), "startedAt" datetime2 NOT NULL, "endedAt" datetime2 NOT NULL, "operatorName" nvarchar(200) NOT NULL, "title" nvarchar(400) NOT NULL, "content" nvarchar(MAX) NOT NULL, "remarks" nvarchar(MAX), "createdAt" datetime2 NOT NULL, "createdBy" nvarchar(100) NOT NULL, CONSTRAINT "PK_work_log" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_work_log_startedAt" ON "work_log" ("startedAt") ',
  'CREATE INDEX "IX_work_log_ticketId" ON "work_log" ("ticketId") ',
  'CREATE TABLE "job_run" ("id" nvarchar(36) NOT NULL, "job" nvarchar(64) NOT NULL, "startedAt" datetime2 NOT NULL, "finishedAt" datetime2, "status" nvarchar(16) NOT NULL, "attempt" int NOT NULL, "error" nvarchar(MAX), "detail" nvarchar(MAX), CONSTRAINT "PK_job_run" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_job_run_job_startedAt" ON "job_run" ("job", "startedAt") ',
  'CREATE TABLE "report" ("id" nvarchar(36) NOT NULL, "kind" nvarchar(16) NOT NULL, "period" nvarchar(16) NOT NULL, "status" nvarchar(16) NOT NULL, "generatedAt" datetime2 NOT NULL, "issuesText" nvarchar(MAX), "files" nvarchar(MAX) NOT NULL, "summary" nvarchar(MAX) NOT NULL, "version" int NOT NULL, CONSTRAINT "PK_report" PRIMARY KEY ("id"))',
  'CREATE UNIQUE INDEX "IX_report_kind_period" ON "report" ("kind", "period") ',
  'CREATE TABLE "audit_log" ("id" nvarchar(36) NOT NULL, "seq" int NOT NULL, "at" datetime2 NOT NULL, "actor" nvarchar(100) NOT NULL, "action" nvarchar(100) NOT NULL, "target" nvarchar(200), "detail" nvarchar(MAX), "prevHash" nvarchar(64) NOT NULL, "hash" nvarchar(64) NOT NULL, CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"))',
  'CREATE UNIQUE INDEX "IX_audit_log_seq" ON "audit_log" ("seq") ',
  'CREATE TABLE "faq_entry" ("id" nvarchar(32) NOT NULL, "category" nvarchar(100) NOT NULL, "question" nvarchar(MAX) NOT NULL, "alternateQuestions" nvarchar(MAX) NOT NULL, "answer" nvarchar(MAX) NOT NULL, "sourceUrl" nvarchar(400), "status" nvarchar(16) NOT NULL, "ticketId" nvarchar(36), "createdBy" nvarchar(100) NOT NULL, "createdAt" datetime2 NOT NULL, "updatedAt" datetime2 NOT NULL, "approvedBy" nvarchar(100), "approvedAt" datetime2, "version" int NOT NULL, CONSTRAINT "PK_faq_entry" PRIMARY KEY ("id"))',
  'CREATE INDEX "IX_faq_entry_status" ON "faq_entry" ("status") ',
];

/** Tables in creation order (dropped in reverse by `down`). */
const TABLES: readonly string[] = [
  'conversation',
  'transcript_entry',
  'question',
  'feedback',
  'ticket',
  'ticket_counter',
  'ticket_event',
  'ticket_comment',
  'attachment',
  'operator',
  'session',
  'work_log',
  'job_run',
  'report',
  'audit_log',
  'faq_entry',
];

const DDL = { sqlite: SQLITE, postgres: POSTGRES, mssql: MSSQL } as const;

/** Creates every table of the first schema version. */
export class InitialSchema1763700000000 implements MigrationInterface {
  name = 'InitialSchema1763700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DDL[migrationDialect(queryRunner)]) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
