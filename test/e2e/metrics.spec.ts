/**
 * /metrics on the real app: Prometheus exposition with the exact metric names (requests and latency by
 * route, answer outcomes, masked items by type, open and breached tickets, job runs, undelivered replies,
 * index age), loopback-only by default; the token and off modes of its access rule.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { metricsAccess, type MetricsAccess } from '../../adapters/web/metrics';
import { errorHandler } from '../../adapters/web/errors';
import { MemoryLogger } from '../../core/logger';

describe('/metrics', function () {
  this.timeout(60_000);

  describe('on the real app (loopback only, the default)', () => {
    let kotae: RunningApp;
    before(async () => {
      kotae = await startApp();
    });
    after(() => kotae?.stop());

    const scrape = async () => {
      const res = await fetch(`${kotae.url}/metrics`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      return res.text();
    };
    const sample = (text: string, series: string) =>
      text
        .split('\n')
        .find((l) => l.startsWith(`${series} `))
        ?.slice(series.length + 1);

    it('exposes requests, latency, outcomes, masked items, tickets, jobs, deliveries and index age', async () => {
      const asked = await postJson(`${kotae.url}/api/ask`, {
        question: 'パスワードを忘れてパソコンにログインできません。連絡先は090-1234-5678です',
      });
      assert.equal(asked.status, 200);
      assert.equal(asked.body.outcome, 'answered');
      const { conversationId, conversationToken } = asked.body;
      const before = await scrape();
      for (const type of [
        'kotae_http_requests_total counter',
        'kotae_http_request_duration_seconds histogram',
        'kotae_answers_total counter',
        'kotae_pii_masked_items_total counter',
        'kotae_tickets_open gauge',
        'kotae_tickets_sla_breached gauge',
        'kotae_job_runs gauge',
        'kotae_replies_undelivered gauge',
        'kotae_knowledge_index_age_seconds gauge',
        'kotae_process_resident_memory_bytes gauge',
      ])
        assert.ok(before.includes(`# TYPE ${type}\n`), `missing # TYPE ${type}`);
      assert.equal(sample(before, 'kotae_http_requests_total{method="POST",route="/api/ask",status="200"}'), '1');
      assert.equal(sample(before, 'kotae_http_request_duration_seconds_count{method="POST",route="/api/ask"}'), '1');
      assert.equal(sample(before, 'kotae_answers_total{channel="web",outcome="answered"}'), '1');
      assert.equal(sample(before, 'kotae_pii_masked_items_total{type="phone"}'), '1');
      assert.equal(sample(before, 'kotae_tickets_open{status="new"}'), '0');
      assert.equal(sample(before, 'kotae_tickets_sla_breached'), '0');
      assert.equal(sample(before, 'kotae_replies_undelivered'), '0');
      assert.ok(Number(sample(before, 'kotae_knowledge_index_age_seconds')) >= 0);

      const escalated = await postJson(
        `${kotae.url}/api/tickets`,
        { conversationId, user: { name: '試験 花子', department: '市民課', phone: '内線 1234' } },
        { 'x-kotae-conversation-token': conversationToken },
      );
      assert.equal(escalated.status, 201);
      const after = await scrape();
      assert.equal(sample(after, 'kotae_tickets_open{status="new"}'), '1');
      assert.equal(sample(after, 'kotae_http_requests_total{method="POST",route="/api/tickets",status="201"}'), '1');
      assert.equal(sample(after, 'kotae_http_requests_total{method="GET",route="/metrics",status="200"}'), '1');
    });

    it('refuses a forwarded request (a proxy makes every caller look local), in Japanese', async () => {
      const res = await fetch(`${kotae.url}/metrics`, { headers: { 'x-forwarded-for': '192.0.2.10' } });
      assert.equal(res.status, 403);
      assert.equal(
        ((await res.json()) as { error: { message: string } }).error.message,
        'メトリクスはこのサーバー上からのみ参照できます。',
      );
    });
  });

  describe('access rule', () => {
    async function serve(rule: MetricsAccess): Promise<{ url: string; close: () => void }> {
      const app = express();
      app.get('/metrics', metricsAccess(rule), (_req, res) => res.send('ok'));
      app.use(errorHandler(new MemoryLogger()));
      const server: Server = await new Promise((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s));
      });
      return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`,
        close: () => server.close(),
      };
    }

    it('token: only the bearer token opens it', async () => {
      const s = await serve({ mode: 'token', token: 'x'.repeat(40) });
      try {
        assert.equal((await fetch(s.url)).status, 403);
        assert.equal((await fetch(s.url, { headers: { authorization: `Bearer ${'y'.repeat(40)}` } })).status, 403);
        assert.equal((await fetch(s.url, { headers: { authorization: `Bearer ${'x'.repeat(40)}` } })).status, 200);
      } finally {
        s.close();
      }
    });

    it('off: 404', async () => {
      const s = await serve({ mode: 'off' });
      try {
        assert.equal((await fetch(s.url)).status, 404);
      } finally {
        s.close();
      }
    });
  });
});
