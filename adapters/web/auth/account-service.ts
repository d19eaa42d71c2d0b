/** Account management and the audit log view (admin), and the first admin account at start-up. */
import { KotaeError } from '../../../core';
import type { Logger } from '../../../core';
import type {
  AuditRecord,
  AuditTrail,
  AuditVerification,
  OperatorRecord,
  OperatorRole,
  OperatorStore,
  SessionStore,
} from '../../../tickets';
import { isOperatorRole } from '../../../tickets';
import { AUTH_MESSAGES } from './messages';
import { checkNewPassword } from './password-policy';
import { newToken } from './tokens';
import { markOneTime } from './password-hash';

const USERNAME = /^[A-Za-z0-9._-]{3,100}$/;

/** The audit trail as the admin pages need it: append, read the latest entries, verify the chain. */
export interface AuditLog extends AuditTrail {
  /** The latest entries, newest first. */
  recent(limit: number): Promise<AuditRecord[]>;
  /** Checks the whole hash chain. */
  verify(): Promise<AuditVerification>;
}

/** What AccountService needs; `hash` is AuthService.hash. */
export interface AccountServiceDeps {
  operators: OperatorStore;
  sessions: SessionStore;
  audit: AuditLog;
  hash: (password: string) => Promise<string>;
}

/** Input for a new account. */
export interface NewAccount {
  username: string;
  displayName: string;
  role: OperatorRole;
  password: string;
}

const invalid = (message: string) => new KotaeError('INPUT_INVALID', 'invalid account input', { userMessage: message });

/** Creates accounts, changes roles and unlocks; every change is audited. */
export class AccountService {
  constructor(private readonly deps: AccountServiceDeps) {}

  /** All accounts, by username. */
  list(): Promise<OperatorRecord[]> {
    return this.deps.operators.list();
  }

  /**
   * Creates an account (CONFLICT when the username is taken). With `oneTime` (an admin typing the password in the
   * console) the password is a one-time one: its owner must change it at the first sign-in.
   */
  async create(input: NewAccount, actor: string, options: { oneTime?: boolean } = {}): Promise<OperatorRecord> {
    const username = input.username.trim();
    const displayName = input.displayName.trim();
    if (!USERNAME.test(username)) throw invalid(AUTH_MESSAGES.accounts.usernameInvalid);
    if (!displayName || displayName.length > 200) throw invalid(AUTH_MESSAGES.accounts.displayNameRequired);
    if (!isOperatorRole(input.role)) throw invalid(AUTH_MESSAGES.accounts.roleInvalid);
    checkNewPassword(input.password, username);
    // SATO beside sato would be two people to the eye of nobody: a username differing only in case is taken.
    const lower = username.toLowerCase();
    if ((await this.deps.operators.list()).some((o) => o.username.toLowerCase() === lower))
      throw new KotaeError('CONFLICT', `username ${username} exists in another case`, {
        userMessage: AUTH_MESSAGES.accounts.usernameTaken,
      });
    const hashed = await this.deps.hash(input.password);
    const passwordHash = options.oneTime ? markOneTime(hashed) : hashed;
    return this.deps.audit.atomically(
      () => this.deps.operators.create({ username, displayName, role: input.role, passwordHash, disabled: false }),
      () => ({ actor, action: 'account.create', target: username, detail: { role: input.role } }),
    );
  }

  /** Changes a role and ends the account's sessions; the last admin keeps the admin role. */
  async setRole(id: string, role: OperatorRole, actor: string): Promise<void> {
    const target = await this.get(id);
    if (!isOperatorRole(role)) throw invalid(AUTH_MESSAGES.accounts.roleInvalid);
    if (target.role === 'admin' && role !== 'admin') {
      const admins = (await this.deps.operators.list()).filter((o) => o.role === 'admin' && !o.disabled);
      if (admins.length <= 1)
        throw new KotaeError('CONFLICT', 'cannot demote the last admin', {
          userMessage: AUTH_MESSAGES.accounts.lastAdmin,
        });
    }
    await this.deps.audit.atomically(
      async () => {
        await this.deps.operators.update(id, { role });
        await this.deps.sessions.deleteForOperator(id);
      },
      () => ({ actor, action: 'account.role', target: target.username, detail: { from: target.role, to: role } }),
    );
  }

  /**
   * Disables an account (a person who left: no sign-in, sessions ended, kept for the audit trail and the tickets it
   * names) or enables it again; the last enabled admin and one's own account stay enabled.
   */
  async setDisabled(id: string, disabled: boolean, actor: string): Promise<void> {
    const target = await this.get(id);
    if (disabled && target.username === actor) throw invalid(AUTH_MESSAGES.accounts.disableSelf);
    if (disabled && target.role === 'admin') {
      const admins = (await this.deps.operators.list()).filter((o) => o.role === 'admin' && !o.disabled);
      if (admins.length <= 1)
        throw new KotaeError('CONFLICT', 'cannot disable the last admin', {
          userMessage: AUTH_MESSAGES.accounts.lastAdmin,
        });
    }
    await this.deps.audit.atomically(
      async () => {
        await this.deps.operators.update(id, { disabled });
        if (disabled) await this.deps.sessions.deleteForOperator(id);
      },
      () => ({ actor, action: disabled ? 'account.disable' : 'account.enable', target: target.username }),
    );
  }

  /** Lifts a lockout. */
  async unlock(id: string, actor: string): Promise<void> {
    const target = await this.get(id);
    await this.deps.audit.atomically(
      () => this.deps.operators.update(id, { failedAttempts: 0, lockedUntil: null }),
      () => ({ actor, action: 'account.unlock', target: target.username }),
    );
  }

  /**
   * Sets another account's password (typed by the admin), ends its sessions and lifts a lockout.
   * Admins change their own password with AuthService.changePassword, which asks for the current one.
   */
  async resetPassword(id: string, password: string, actor: string, options: { oneTime?: boolean } = {}): Promise<void> {
    const target = await this.get(id);
    if (target.username === actor) throw invalid(AUTH_MESSAGES.accounts.resetSelf);
    checkNewPassword(password, target.username);
    const hashed = await this.deps.hash(password);
    const passwordHash = options.oneTime ? markOneTime(hashed) : hashed;
    await this.deps.audit.atomically(
      async () => {
        await this.deps.operators.update(id, { passwordHash, failedAttempts: 0, lockedUntil: null });
        await this.deps.sessions.deleteForOperator(id);
      },
      () => ({ actor, action: 'account.password_reset', target: target.username }),
    );
  }

  /** The latest audit entries, newest first. */
  auditEntries(limit: number): Promise<AuditRecord[]> {
    return this.deps.audit.recent(limit);
  }

  /** Verifies the audit log's hash chain. */
  verifyAudit(): Promise<AuditVerification> {
    return this.deps.audit.verify();
  }

  /**
   * On first start (no account at all) creates an admin with the given password, or with a random
   * one that is printed once to the log. Does nothing when any account exists.
   */
  async ensureAdminAccount(
    options: { username: string; password?: string },
    logger: Logger,
    /** Shows the generated one-time password once to whoever started Kotae (stderr), never the log. */
    showOnce: (text: string) => void = (text) => process.stderr.write(`${text}\n`),
  ): Promise<OperatorRecord | undefined> {
    if ((await this.deps.operators.count()) > 0) return undefined;
    const generated = options.password ? undefined : newToken().slice(0, 24);
    const admin = await this.create(
      {
        username: options.username,
        displayName: options.username,
        role: 'admin',
        password: options.password ?? generated ?? '',
      },
      'system',
    );
    if (generated) {
      await this.deps.operators.update(admin.id, { passwordHash: markOneTime(admin.passwordHash) });
      showOnce(
        `Kotae: 最初の管理者アカウント「${admin.username}」を作成しました。初期パスワード（この一度だけ表示）: ${generated}\n` +
          'サインイン後、すぐにパスワードを変更してください。',
      );
      logger.warn(
        'created the first admin account with a one-time password shown once (a terminal) or in initial-admin-password.txt (not logged)',
        {
          username: admin.username,
        },
      );
    } else {
      logger.info('created the first admin account', { username: admin.username });
    }
    return admin;
  }

  private async get(id: string): Promise<OperatorRecord> {
    const found = await this.deps.operators.get(id);
    if (!found) throw new KotaeError('NOT_FOUND', `operator ${id} not found`);
    return found;
  }
}
