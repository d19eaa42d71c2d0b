/**
 * Operational alerts (issue 11 point 9): conditions such as a missing daily backup or a channel that
 * is down are observed on a timer; the first observation of a condition opens an incident (shared
 * state, atomic), which is notified once; when the condition clears, a recovery notice follows and
 * the incident is closed. The notice is published before the incident is marked notified, and the
 * notification key names the incident, so a crash in between or two instances at once still send
 * exactly one notice.
 */
import type { Clock } from '../core';
import type { Logger } from '../core';
import type { AlertIncident, AlertStateStore } from './ports';
import type { DeskEvent, NotifyEvent } from './types';

/** What a condition saw: down (since when, why), up, or no opinion (e.g. another instance holds the channel). */
export type AlertObservation = { down: true; since: Date; detail: string } | { down: false } | undefined;

/** One watched condition. */
export interface AlertCondition {
  /** Stable name (state row and notification keys), e.g. `backup_missing`. */
  readonly name: string;
  /** The notification event operators choose. */
  readonly event: NotifyEvent;
  observe(now: Date): Promise<AlertObservation>;
  /** Subject and body lines of the down notice. */
  downText(incident: AlertIncident): { subject: string; lines: string[] };
  /** Subject and body lines of the recovery notice. */
  upText(incident: AlertIncident, now: Date): { subject: string; lines: string[] };
}

/** Records an event in the notification outbox; false when it could not be recorded. */
export type PublishAlert = (event: DeskEvent) => Promise<boolean | void>;

/** What AlertWatch needs. */
export interface AlertWatchDeps {
  conditions: readonly AlertCondition[];
  states: AlertStateStore;
  publish: PublishAlert;
  clock: Clock;
  logger?: Logger;
}

/** What one check did, per condition name. */
export type AlertTransitions = Record<string, 'opened' | 'recovered' | 'down' | 'up' | 'unknown'>;

/** Observes the conditions and publishes one notice per incident and one per recovery. */
export class AlertWatch {
  constructor(private readonly deps: AlertWatchDeps) {}

  /** One pass over every condition; a failing condition is logged and does not stop the others. */
  async check(): Promise<AlertTransitions> {
    const result: AlertTransitions = {};
    for (const c of this.deps.conditions) {
      try {
        result[c.name] = await this.checkOne(c);
      } catch (err) {
        result[c.name] = 'unknown';
        this.deps.logger?.warn('alert check failed', {
          alert: c.name,
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
    return result;
  }

  private async checkOne(c: AlertCondition): Promise<AlertTransitions[string]> {
    const { states, clock } = this.deps;
    const now = clock.now();
    const seen = await c.observe(now);
    if (seen === undefined) return 'unknown';
    if (seen.down) {
      const incident = await states.open(c.name, seen.since, seen.detail, now);
      if (incident.notifiedAt) return 'down';
      const text = c.downText(incident);
      if (!(await this.publish(c, key(incident), c.name, text))) return 'down';
      await states.markNotified(c.name, incident.since, now);
      this.deps.logger?.warn('alert raised', { alert: c.name, since: incident.since.toISOString() });
      return 'opened';
    }
    const incident = await states.current(c.name);
    if (!incident) return 'up';
    // An incident never notified (its notice could not be recorded) closes without a recovery notice.
    const recovered = `${key(incident)}:recovered`;
    if (incident.notifiedAt && !(await this.publish(c, recovered, `${c.name}:recovered`, c.upText(incident, now))))
      return 'down';
    await states.close(c.name, incident.since, now);
    this.deps.logger?.info('alert recovered', { alert: c.name, since: incident.since.toISOString() });
    return 'recovered';
  }

  /** Down and recovery notices are separate alerts for KOTAE_ALERT_REPEAT_MINUTES (a flapping channel). */
  private async publish(
    c: AlertCondition,
    eventKey: string,
    alertKey: string,
    text: { subject: string; lines: string[] },
  ) {
    const recorded = await this.deps.publish({
      event: c.event,
      key: eventKey,
      alertKey,
      subject: text.subject,
      body: [text.subject, '', ...text.lines].join('\n'),
    });
    return recorded !== false;
  }
}

function key(incident: AlertIncident): string {
  return `alert:${incident.name}:${incident.since.toISOString()}`;
}
