/**
 * The directory identity of a signed-in user, from the ID token's claims, and its Kotae role from
 * the configured mapping of app roles (`roles` claim) or group object ids (`groups` claim).
 */
import type { OperatorRole } from '../../../tickets';

/** Who signed in, as the directory says. */
export interface DirectoryIdentity {
  /** Entra object id (`oid`), else the provider's `sub`. */
  subject: string;
  name?: string;
  /** Sign-in name (UPN) or e-mail. */
  username?: string;
  email?: string;
  department?: string;
  roles: string[];
  groups: string[];
  /**
   * Entra left the `groups` claim out because the user is in too many groups (over 200 in a JWT) and
   * named a Graph endpoint instead (`_claim_names.groups` / `_claim_sources`, or `hasgroups`).
   */
  groupsOverage: boolean;
}

/** A claim value or group id mapped to a Kotae role. */
export interface RoleMapping {
  value: string;
  role: OperatorRole;
}

const text = (value: unknown, max = 200): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined;

/** A multi-valued claim; a single value sent as a plain string (some OpenID Connect providers do) is one entry. */
const list = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((v): v is string => typeof v === 'string')
      : [];

/** Whether the token points elsewhere for the groups (Kotae never follows the endpoint it names). */
function groupsOverage(claims: Record<string, unknown>): boolean {
  const names = claims._claim_names;
  const named = typeof names === 'object' && names !== null && Object.hasOwn(names, 'groups');
  return claims.groups === undefined && (named || claims.hasgroups === true);
}

/** Reads the identity from ID token claims; `departmentClaim` names the claim holding the 所属. */
export function identityFromClaims(claims: Record<string, unknown>, departmentClaim: string): DirectoryIdentity {
  const subject = text(claims.oid) ?? text(claims.sub);
  if (!subject) throw new Error('id token has neither oid nor sub');
  const email = text(claims.email, 320);
  return {
    subject,
    name: text(claims.name),
    username: text(claims.preferred_username, 320) ?? email,
    email,
    department: text(claims[departmentClaim]),
    roles: list(claims.roles),
    groups: list(claims.groups),
    groupsOverage: groupsOverage(claims),
  };
}

/**
 * The role an identity gets when it holds several mapped ones: the last of them in this list. Rights are
 * not a line (hasRole), so this is a choice: the read-only auditor yields to operator, which works the
 * desk, and both yield to admin. Someone who audits the desk's work should not also hold the desk's role
 * (separation of duties): keep the directory's groups apart rather than rely on this order.
 */
const MAPPING_PRECEDENCE: readonly OperatorRole[] = ['staff', 'auditor', 'operator', 'admin'];

/** A role's place in MAPPING_PRECEDENCE: of two mapped roles, the higher rank wins. */
export function roleRank(role: OperatorRole): number {
  return MAPPING_PRECEDENCE.indexOf(role);
}

/** Every Kotae role the identity's app roles or groups map to. */
export function mappedRoles(identity: DirectoryIdentity, mapping: readonly RoleMapping[]): Set<OperatorRole> {
  const held = new Set([...identity.roles, ...identity.groups]);
  return new Set(mapping.filter((m) => held.has(m.value)).map((m) => m.role));
}

/** The winning Kotae role any of the identity's app roles or groups maps to; undefined when none does. */
export function mappedRole(identity: DirectoryIdentity, mapping: readonly RoleMapping[]): OperatorRole | undefined {
  const best = Math.max(-1, ...[...mappedRoles(identity, mapping)].map(roleRank));
  return best >= 0 ? MAPPING_PRECEDENCE[best] : undefined;
}

/**
 * Port: which of some directory groups a user is in, transitively (GraphGroupMembership: Microsoft Graph's
 * checkMemberGroups with the app's own credentials). Throws when the directory cannot answer.
 */
export interface GroupMembership {
  /** Those of `groupIds` (group object ids) that the user `subject` (object id) is a member of. */
  memberOf(subject: string, groupIds: readonly string[]): Promise<string[]>;
}

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The mapped group object ids worth asking the directory about for an identity whose token left its groups
 * out (overage): at sign-in, those whose role would win over its app roles' (MAPPING_PRECEDENCE); at a role
 * re-check (`ceiling`: the session's role, which is never raised mid-session), those whose role is at most the
 * ceiling and not already held through an app role. Empty when none matters, so such a user costs no Graph call.
 */
export function groupsToAsk(
  identity: DirectoryIdentity,
  mapping: readonly RoleMapping[],
  ceiling?: OperatorRole,
): string[] {
  const held = mappedRoles(identity, mapping);
  const current = mappedRole(identity, mapping);
  const floor = current ? roleRank(current) : -1;
  const wanted = (role: OperatorRole) =>
    ceiling ? !held.has(role) && !held.has(ceiling) && roleRank(role) <= roleRank(ceiling) : roleRank(role) > floor;
  const ids = mapping.filter((m) => OBJECT_ID.test(m.value) && wanted(m.role));
  return [...new Set(ids.map((m) => m.value))];
}
