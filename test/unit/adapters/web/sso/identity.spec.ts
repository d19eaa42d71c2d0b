/** The Kotae role an Entra ID identity maps to, with the auditor role among the mapped ones. */
import assert from 'node:assert/strict';
import {
  groupsToAsk,
  mappedRole,
  type DirectoryIdentity,
  type RoleMapping,
} from '../../../../../adapters/web/sso/identity';

const AUDIT_GROUP = '0f1e2d3c-4b5a-6978-8a9b-acbdcedfe0f1';
const DESK_GROUP = '1a2b3c4d-5e6f-4071-8293-a4b5c6d7e8f9';

const MAPPING: RoleMapping[] = [
  { value: 'Kotae.Admin', role: 'admin' },
  { value: 'Kotae.Operator', role: 'operator' },
  { value: 'Kotae.Auditor', role: 'auditor' },
  { value: 'Kotae.Staff', role: 'staff' },
  { value: AUDIT_GROUP, role: 'auditor' },
  { value: DESK_GROUP, role: 'operator' },
];

const who = (roles: string[], groups: string[] = [], groupsOverage = false): DirectoryIdentity => ({
  subject: 'oid-1',
  roles,
  groups,
  groupsOverage,
});

describe('sso role mapping', () => {
  it('maps the auditor app role or group to auditor', () => {
    assert.equal(mappedRole(who(['Kotae.Auditor']), MAPPING), 'auditor');
    assert.equal(mappedRole(who([], [AUDIT_GROUP]), MAPPING), 'auditor');
    assert.equal(mappedRole(who(['Kotae.Staff', 'Kotae.Auditor']), MAPPING), 'auditor');
    assert.equal(mappedRole(who(['Other']), MAPPING), undefined);
  });

  it('gives operator over auditor and admin over both when several map', () => {
    assert.equal(mappedRole(who(['Kotae.Auditor', 'Kotae.Operator']), MAPPING), 'operator');
    assert.equal(mappedRole(who(['Kotae.Operator'], [AUDIT_GROUP]), MAPPING), 'operator');
    assert.equal(mappedRole(who(['Kotae.Auditor', 'Kotae.Admin']), MAPPING), 'admin');
  });

  it('asks the directory (overage) only for groups whose role would win over the app roles', () => {
    assert.deepEqual(groupsToAsk(who([], [], true), MAPPING), [AUDIT_GROUP, DESK_GROUP]);
    assert.deepEqual(groupsToAsk(who(['Kotae.Auditor'], [], true), MAPPING), [DESK_GROUP]);
    assert.deepEqual(groupsToAsk(who(['Kotae.Operator'], [], true), MAPPING), []);
  });
});
