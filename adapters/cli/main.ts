/**
 * `npx kotae <command>`: the command-line entry. Each command lives in its own file; this one
 * loads the configuration once and dispatches.
 */
import { toKotaeError } from '../../core';
import { processIo, type CliIo } from './io';
import { CLI_MESSAGES } from './messages';
import { SCAN_CLI_MESSAGES } from './scan-messages';

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { describe: string; load: () => Promise<Command> }> = {
  serve: {
    describe: 'Webチャット・運用コンソール・APIを起動します',
    load: async () => (require('./serve') as typeof import('./serve.js')).serveCommand,
  },
  ingest: {
    describe: 'フォルダのFAQ・マニュアルを取り込み、索引を作り直します: kotae ingest <folder>',
    load: async () => (require('./ingest-command') as typeof import('./ingest-command.js')).ingestCommand,
  },
  chat: {
    describe: '端末でボットと会話します',
    load: async () => (require('./chat') as typeof import('./chat.js')).chatCommand,
  },
  eval: {
    describe:
      '検索精度・個人情報マスキングを評価します: kotae eval --corpus F --queries F --qrels F [--k 10] [--json] [--abstain [--answer-model]] | kotae eval --pii F [--json]',
    load: async () => (require('./eval-command') as typeof import('./eval-command.js')).evalCommand,
  },
  report: {
    describe:
      '報告書を作成します: kotae report monthly YYYY-MM | halfyear FY[H1|H2] | annual FY | incident <番号> [--out dir] [--json]',
    load: async () => (require('./report-command') as typeof import('./report-command.js')).reportCommand,
  },
  manifest: {
    describe: 'Teamsアプリのパッケージを作成します: kotae manifest --out <file.zip>',
    load: async () => (require('./manifest-command') as typeof import('./manifest-command.js')).manifestCommand,
  },
  backup: {
    describe: 'データベースのバックアップを今すぐ取得します: kotae backup [--list]',
    load: async () => (require('./backup-command') as typeof import('./backup-command.js')).backupCommand,
  },
  restore: {
    describe: 'バックアップから復元します（サーバー停止中に実行）: kotae restore <バックアップ>',
    load: async () => (require('./restore-command') as typeof import('./restore-command.js')).restoreCommand,
  },
  audit: {
    describe:
      '監査ログの改ざんの有無を検証します: kotae audit verify [--json]（改ざんがあれば終了コード1）| チェックポイントを今すぐ記録します: kotae audit checkpoint',
    load: async () => (require('./audit-command') as typeof import('./audit-command.js')).auditCommand,
  },
  retention: {
    describe:
      '保存期間を過ぎたデータの削除を今すぐ実行します（消去証明書を作成）: kotae retention run [--dry-run]（--dry-run は件数の表示のみ）',
    load: async () => (require('./retention-command') as typeof import('./retention-command.js')).retentionCommand,
  },
  'scan-attachments': {
    describe: SCAN_CLI_MESSAGES.describe,
    load: async () =>
      (require('./scan-attachments-command') as typeof import('./scan-attachments-command.js')).scanAttachmentsCommand,
  },
  migrate: {
    describe: 'データベースのマイグレーションを適用します',
    load: async () => (require('./migrate') as typeof import('./migrate.js')).migrateCommand,
  },
};

function usage(io: CliIo): void {
  io.out(CLI_MESSAGES.usage);
  for (const [name, c] of Object.entries(COMMANDS)) io.out(`  ${name.padEnd(9)} ${c.describe}`);
}

/** Runs a command; returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    usage(io);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(CLI_MESSAGES.unknownCommand(name));
    usage(io);
    return 2;
  }
  try {
    return await (
      await command.load()
    )(rest, io);
  } catch (err) {
    const error = toKotaeError(err);
    io.err(`${CLI_MESSAGES.failed}: ${error.userMessage}`);
    if (error.code === 'CONFIG_INVALID' || error.code !== 'INTERNAL') io.err(error.message);
    else io.err(error.stack ?? error.message);
    return 1;
  }
}
