/** Console roles: staff < operator < admin, and the read-only auditor beside operator (neither above nor below). */
import assert from 'node:assert/strict';
import { hasRole, isOperatorRole, OPERATOR_ROLES, worksTickets, type OperatorRole } from '../../../tickets';

describe('operator roles', () => {
  it('meets each requirement exactly as listed (who passes staff, operator, auditor, admin)', () => {
    const passing = (required: OperatorRole) => OPERATOR_ROLES.filter((role) => hasRole(role, required));
    assert.deepEqual(passing('staff'), ['staff', 'operator', 'auditor', 'admin']);
    assert.deepEqual(passing('operator'), ['operator', 'admin']);
    assert.deepEqual(passing('auditor'), ['auditor', 'admin']);
    assert.deepEqual(passing('admin'), ['admin']);
  });

  it('meets a list of requirements when it meets one of them', () => {
    const readers = OPERATOR_ROLES.filter((role) => hasRole(role, ['operator', 'auditor']));
    assert.deepEqual(readers, ['operator', 'auditor', 'admin']);
    assert.deepEqual(
      OPERATOR_ROLES.filter((role) => hasRole(role, [])),
      [],
    );
  });

  it('lets operators and admins work tickets, not staff or auditors', () => {
    assert.deepEqual(
      OPERATOR_ROLES.filter((role) => worksTickets({ role })),
      ['operator', 'admin'],
    );
  });

  it('recognises the four role names only', () => {
    assert.deepEqual(['staff', 'operator', 'auditor', 'admin', 'Admin', 'supervisor', ''].map(isOperatorRole), [
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
