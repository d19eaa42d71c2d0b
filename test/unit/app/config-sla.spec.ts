import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../app/config';
import { slaTargetsOf } from '../../../app/wire-duties';
import { BusinessCalendar } from '../../../calendar';
import { KotaeError } from '../../../core/errors';
import { tempDir } from '../../helpers/temp-dir';

const problemsOf = (env: Record<string, string>, cwd = '/srv/kotae'): string[] => {
  try {
    loadConfig(env, cwd);
  } catch (err) {
    assert.ok(err instanceof KotaeError && err.code === 'CONFIG_INVALID');
    return err.details?.problems as string[];
  }
  return [];
};

describe('SLA targets configuration (KOTAE_SLA_TARGETS / _FILE)', () => {
  it('defaults: every type on today’s policy, incidents 120 business minutes and 10 business days', () => {
    const config = loadConfig({ KOTAE_SLA_RESPONSE_MINUTES: '90' }, '/srv/kotae');
    const targets = slaTargetsOf(config, new BusinessCalendar());
    assert.equal(targets.byType.request.responseMinutes, 90);
    assert.equal(targets.byType.incident.resolutionMinutes.urgent, 240);
    assert.equal(targets.restorationStartMinutes.high, 120);
    assert.equal(targets.incidentReportBusinessDays, 10);
  });

  it('reads inline JSON and a JSON file', () => {
    const inline = loadConfig(
      { KOTAE_SLA_TARGETS: '{"types":{"incident":{"responseMinutes":30}},"incident":{"restorationStartMinutes":60}}' },
      '/srv/kotae',
    );
    const t = slaTargetsOf(inline, new BusinessCalendar());
    assert.equal(t.byType.incident.responseMinutes, 30);
    assert.equal(t.byType.inquiry.responseMinutes, 120);
    assert.equal(t.restorationStartMinutes.low, 60);
    const { dir, cleanup } = tempDir('kotae-sla-');
    try {
      fs.writeFileSync(path.join(dir, 'sla.json'), '{"incident":{"reportBusinessDays":14}}');
      const fromFile = loadConfig({ KOTAE_SLA_TARGETS_FILE: 'sla.json' }, dir);
      assert.equal(slaTargetsOf(fromFile, new BusinessCalendar()).incidentReportMinutes, 14 * 525);
    } finally {
      cleanup();
    }
  });

  it('reports bad targets as start-up problems, naming the variable', () => {
    assert.deepEqual(problemsOf({ KOTAE_SLA_TARGETS: '{"types":{"incident":{"responseMinutes":0}},"extra":1}' }), [
      'KOTAE_SLA_TARGETS: types.incident.responseMinutes: Too small: expected number to be >0',
      'KOTAE_SLA_TARGETS: (root): Unrecognized key: "extra"',
    ]);
    assert.deepEqual(problemsOf({ KOTAE_SLA_TARGETS: '{not json' }), ['KOTAE_SLA_TARGETS: not valid JSON']);
    assert.deepEqual(problemsOf({ KOTAE_SLA_TARGETS_FILE: 'missing.json' }), [
      'KOTAE_SLA_TARGETS_FILE: cannot read missing.json (ENOENT)',
    ]);
    assert.deepEqual(problemsOf({ KOTAE_SLA_TARGETS: '{"incident":{"reportBusinessDays":0}}' }), [
      'KOTAE_SLA_TARGETS: incident.reportBusinessDays: Too small: expected number to be >=1',
    ]);
  });
});
