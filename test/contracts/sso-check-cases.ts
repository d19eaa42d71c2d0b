/**
 * The single sign-on re-check's cases shared by the console's SessionStore contract and the web chat's
 * WebSessionStore contract: both stores claim a due check with one conditional write and record a passed one alike.
 */
import assert from 'node:assert/strict';

/** What the cases need of a session row. */
interface SsoChecked {
  ssoRefresh?: string | null;
  ssoCheckAt?: Date | null;
}

/** What the cases need of a store. */
export interface SsoCheckStore<R extends SsoChecked> {
  create(session: R): Promise<void>;
  get(id: string): Promise<R | undefined>;
  claimSsoCheck(id: string, seen: Date | null, now: Date, until: Date): Promise<boolean>;
  finishSsoCheck(id: string, next: Date, ssoRefresh: string): Promise<void>;
}

/** A minute of the contracts' day. */
export const at = (minutes: number): Date => new Date(Date.UTC(2026, 11, 7, 9, minutes));

/** A stored session's next check, as ISO text (null: none). */
export const checkAt = async <R extends SsoChecked>(store: SsoCheckStore<R>, id: string): Promise<string | null> =>
  (await store.get(id))?.ssoCheckAt?.toISOString() ?? null;

/** Registers the shared cases inside a contract's describe (`store()`: the fresh store of the current test). */
export function ssoCheckCases<R extends SsoChecked>(
  store: () => SsoCheckStore<R>,
  session: (id: string, change?: Partial<R>) => R,
): void {
  it('lets one caller claim a due re-check; the others, and a check not yet due, get false', async () => {
    const s = store();
    await s.create(session('due', { ssoCheckAt: at(10) } as Partial<R>));
    await s.create(session('later', { ssoCheckAt: at(30) } as Partial<R>));
    await s.create(session('never'));
    assert.equal(await s.claimSsoCheck('due', at(10), at(10), at(11)), true);
    assert.equal(await s.claimSsoCheck('due', at(10), at(10), at(11)), false, 'the same due time, taken');
    assert.equal(await checkAt(s, 'due'), at(11).toISOString());
    assert.equal(await s.claimSsoCheck('later', at(30), at(10), at(11)), false);
    assert.equal(await checkAt(s, 'later'), at(30).toISOString());
    assert.equal(await s.claimSsoCheck('never', null, at(10), at(11)), true);
    assert.equal(await s.claimSsoCheck('never', null, at(10), at(11)), false);
    assert.equal(await s.claimSsoCheck('gone', null, at(10), at(11)), false);
  });

  it('records a passed re-check: the next due time and the newest sealed refresh token', async () => {
    const s = store();
    await s.create(session('s1', { ssoRefresh: 'sealed-1', ssoCheckAt: at(10) } as Partial<R>));
    await s.finishSsoCheck('s1', at(20), 'sealed-2');
    const got = await s.get('s1');
    assert.equal(got?.ssoRefresh, 'sealed-2');
    assert.equal(got?.ssoCheckAt?.toISOString(), at(20).toISOString());
    assert.equal(await s.claimSsoCheck('s1', at(20), at(19), at(21)), false);
    assert.equal(await s.claimSsoCheck('s1', at(20), at(20), at(21)), true);
  });
}
