/** Issuing and withdrawing IP addresses and computer names, audited (発行・削除の管理簿). */
import type { AuditTrail } from '../core';
import type { Clock } from '../core';
import type { RegisterFilter, RegisterStore } from './ports';
import type { RegisterEntry } from './types';
import { normalizeRegisterValue, optionalText, registerKindOf, requiredText, type ComputerNameRule } from './validate';

/** Raw form input of an issue. */
export interface IssueInput {
  kind?: unknown;
  value?: unknown;
  department?: unknown;
  requester?: unknown;
  site?: unknown;
  terminalRef?: unknown;
  reason?: unknown;
}

/** What the service needs. */
export interface RegisterServiceDeps {
  store: RegisterStore;
  audit: AuditTrail;
  clock: Clock;
  nameRule: ComputerNameRule;
}

const detailOf = (e: RegisterEntry) => ({ kind: e.kind, value: e.value, department: e.department });

/** The register use cases. */
export class RegisterService {
  constructor(private readonly deps: RegisterServiceDeps) {}

  /** Issues a value after checking its format; a value in use is refused (CONFLICT). */
  async issue(input: IssueInput, actor: string): Promise<RegisterEntry> {
    const kind = registerKindOf(input.kind);
    const entry = {
      kind,
      value: normalizeRegisterValue(kind, requiredText(input.value, '値', 100), this.deps.nameRule),
      department: requiredText(input.department, '所属', 200),
      requester: requiredText(input.requester, '依頼者', 200),
      site: optionalText(input.site, '拠点', 200),
      terminalRef: optionalText(input.terminalRef, '端末', 100),
      reason: requiredText(input.reason, '発行の理由', 1000),
    };
    const at = this.deps.clock.now();
    return this.deps.audit.atomically(
      () => this.deps.store.issue(entry, actor, at),
      (e) => ({ actor, action: 'register.issue', target: e.id, detail: { ...detailOf(e), reason: entry.reason } }),
    );
  }

  /** Withdraws an issued value with the reason. */
  async withdraw(id: string, reason: unknown, actor: string): Promise<RegisterEntry> {
    const why = requiredText(reason, '削除の理由', 1000);
    const at = this.deps.clock.now();
    return this.deps.audit.atomically(
      () => this.deps.store.withdraw(id, actor, at, why),
      (e) => ({ actor, action: 'register.withdraw', target: e.id, detail: { ...detailOf(e), reason: why } }),
    );
  }

  list(filter: RegisterFilter): Promise<RegisterEntry[]> {
    return this.deps.store.list(filter);
  }

  get(id: string): Promise<RegisterEntry | undefined> {
    return this.deps.store.get(id);
  }

  /** The naming rule in words (shown beside the form). */
  get nameHint(): string {
    return this.deps.nameRule.hint;
  }
}
