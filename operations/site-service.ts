/** Sites (拠点): checked input, audited changes. */
import { KotaeError } from '../core';
import type { AuditTrail } from '../core';
import { OPS_MESSAGES as M } from './messages';
import type { SiteStore } from './ports';
import { SITE_KINDS, type Site, type SiteInput } from './types';

/** Longest site name. */
export const MAX_SITE_NAME = 100;

/** Checks a site's fields (name required, at most 100 characters; a known kind). */
export function checkSite(input: { name: string; kind: string }): SiteInput {
  const name = input.name.trim();
  const invalid = (userMessage: string) => new KotaeError('INPUT_INVALID', 'invalid site', { userMessage });
  if (!name) throw invalid(M.siteNameRequired);
  if (name.length > MAX_SITE_NAME) throw invalid(M.siteNameTooLong(MAX_SITE_NAME));
  const kind = SITE_KINDS.find((k) => k === input.kind);
  if (!kind) throw invalid(M.siteKindInvalid);
  return { name, kind };
}

/** Creates, renames and removes sites. */
export class SiteService {
  constructor(
    private readonly store: SiteStore,
    private readonly audit: AuditTrail,
  ) {}

  list(): Promise<Site[]> {
    return this.store.list();
  }

  async get(id: string): Promise<Site> {
    const site = await this.store.get(id);
    if (!site) throw new KotaeError('NOT_FOUND', `site ${id} not found`, { userMessage: M.siteNotFound });
    return site;
  }

  create(input: { name: string; kind: string }, actor: string): Promise<Site> {
    const valid = checkSite(input);
    return this.audit.atomically(
      () => this.store.create(valid),
      (site) => ({ actor, action: 'site.create', target: site.id, detail: { name: site.name, kind: site.kind } }),
    );
  }

  async update(id: string, input: { name: string; kind: string }, actor: string): Promise<Site> {
    const valid = checkSite(input);
    const before = await this.get(id);
    return this.audit.atomically(
      () => this.store.update(id, valid),
      (site) => ({
        actor,
        action: 'site.update',
        target: site.id,
        detail: { before: { name: before.name, kind: before.kind }, after: { name: site.name, kind: site.kind } },
      }),
    );
  }

  async remove(id: string, actor: string): Promise<void> {
    const site = await this.get(id);
    await this.audit.atomically(
      async () => {
        if (!(await this.store.remove(id)))
          throw new KotaeError('CONFLICT', `site ${id} has terminals`, { userMessage: M.siteInUse });
      },
      () => ({ actor, action: 'site.delete', target: id, detail: { name: site.name } }),
    );
  }
}
