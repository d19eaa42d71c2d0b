import assert from 'node:assert/strict';
import { ActivityDedupe } from '../../../../adapters/teams/activity-dedupe';
import { parseCardAction } from '../../../../adapters/teams/card-actions';
import { escalationFormCard, replyCard } from '../../../../adapters/teams/cards';
import { sendWithRetry } from '../../../../adapters/teams/retry';
import { KotaeError } from '../../../../core/errors';

const fast = { attempts: 4, baseDelayMs: 1, maxDelayMs: 2, attemptTimeoutMs: 100 };

describe('Teams building blocks', () => {
  describe('ActivityDedupe', () => {
    it('runs work once per id within the TTL, again after it, and again after a failure', async () => {
      let now = 0;
      const dedupe = new ActivityDedupe<number>(1_000, 100, () => now);
      let runs = 0;
      const work = async (): Promise<number> => ++runs;
      assert.equal(await dedupe.run('a', work).result, 1);
      const second = dedupe.run('a', work);
      assert.deepEqual([second.isFirst, await second.result], [false, 1]);
      now = 1_001;
      assert.equal(await dedupe.run('a', work).result, 2);
      const failing = dedupe.run('b', async () => {
        throw new Error('x');
      });
      await assert.rejects(failing.result);
      assert.equal(dedupe.run('b', work).isFirst, true);
      assert.equal(dedupe.run(undefined, work).isFirst, true);
    });
  });

  describe('parseCardAction', () => {
    it('reads verbs from Action.Execute or data.kotae (Action.Submit) and ignores foreign data', () => {
      assert.deepEqual(parseCardAction('kotae.resolved', { conversationId: 'c' }), {
        kind: 'feedback',
        conversationId: 'c',
        resolved: true,
      });
      assert.deepEqual(parseCardAction(undefined, { kotae: 'kotae.escalate', conversationId: 'c' }), {
        kind: 'escalate_form',
        conversationId: 'c',
      });
      assert.deepEqual(
        parseCardAction('kotae.submit_ticket', { conversationId: 'c', urgency: 'whatever', details: ' x ' }),
        { kind: 'submit_ticket', conversationId: 'c', category: undefined, priority: undefined, details: 'x' },
      );
      for (const [verb, data] of [
        ['food', { item: 'beef' }],
        [undefined, 'text'],
        [undefined, null],
        ['kotae.choose', { conversationId: 'c' }],
        ['kotae.resolved', {}],
      ] as const) {
        assert.equal(parseCardAction(verb, data), undefined);
      }
    });
  });

  describe('cards', () => {
    it('are Adaptive Cards 1.5; links only for http(s) sources, titles escaped', () => {
      const card = replyCard({
        conversationId: 'c',
        text: '回答',
        choices: [],
        actions: [],
        sources: [
          { title: 'a]b', url: 'javascript:alert(1)', snippet: '' },
          { title: '手順 (改訂)', url: 'https://x.example/a b', snippet: '' },
        ],
      });
      assert.equal(card.version, '1.5');
      assert.equal(card.actions, undefined);
      const list = String(card.body[2].text);
      assert.match(list, /^- a\\]b$/m);
      assert.match(list, /\[手順 \\\(改訂\\\)\]\(https:\/\/x\.example\/a%20b\)/);
      assert.doesNotMatch(list, /javascript/);
    });
    it('a tentative answer shows its source, the other candidates under their own heading and the buttons', () => {
      const card = replyCard({
        conversationId: 'c',
        outcome: 'tentative',
        text: '提案の回答',
        sources: [{ title: 'トナー交換', url: 'https://x.example/toner', snippet: '' }],
        choices: [{ label: '候補B', value: 'b' }],
        actions: ['resolved', 'not_resolved', 'escalate'],
      });
      assert.deepEqual(
        card.body.map((e) => e.text ?? e.type),
        [
          '提案の回答',
          '参考にした資料',
          '- [トナー交換](https://x.example/toner)',
          '違う場合は、ほかの候補から選んでください。',
          'ActionSet',
        ],
      );
      assert.deepEqual(
        (card.body[4].actions as { title: string }[]).map((a) => a.title),
        ['候補B'],
      );
      assert.deepEqual(
        card.actions?.map((a) => a.title),
        ['解決した', '解決しない', '担当者に問い合わせる'],
      );
    });
    it('escalation form requires details and keeps the chosen urgency', () => {
      const form = escalationFormCard('c', ['その他'], 'urgent');
      const details = form.body.find((e) => e.id === 'details');
      assert.equal(details?.isRequired, true);
      assert.equal(form.body.find((e) => e.id === 'urgency')?.value, 'urgent');
    });
  });

  describe('sendWithRetry', () => {
    it('retries 5xx/429/network errors and stops at once on other 4xx', async () => {
      let calls = 0;
      const status = (s: number) => Object.assign(new Error(`status ${s}`), { response: { status: s } });
      assert.equal(await sendWithRetry(async () => (++calls < 3 ? Promise.reject(status(429)) : 'ok'), fast), 'ok');
      calls = 0;
      await assert.rejects(
        sendWithRetry(async () => {
          calls++;
          throw status(404);
        }, fast),
        KotaeError,
      );
      assert.equal(calls, 1);
      calls = 0;
      await assert.rejects(
        sendWithRetry(async () => {
          calls++;
          throw new TypeError('fetch failed');
        }, fast),
        /fetch failed/,
      );
      assert.equal(calls, 4);
    });
  });
});
