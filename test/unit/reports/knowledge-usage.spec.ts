/** Usage per FAQ and document, as the reports and the console count it; top questions grouped. */
import assert from 'node:assert/strict';
import { countUsage } from '../../../reports/knowledge-usage';
import { buildUsage } from '../../../reports/build-usage';
import { parsePeriod } from '../../../reports/period';
import type { QuestionRecord } from '../../../conversations';

const at = (m: number) => new Date(Date.UTC(2026, 4, 10, 1, m));

describe('knowledge usage in the reports', () => {
  it('counts top source, answered, tentative, feedback and the ticket after the last question', () => {
    const q = (id: string, conversationId: string, m: number, outcome: string, doc?: string) => ({
      id,
      conversationId,
      askedAt: at(m),
      outcome,
      top: doc ? { documentId: doc, title: doc } : undefined,
    });
    const usage = countUsage(
      [
        q('1', 'c1', 0, 'answered', 'FAQ-1'),
        q('2', 'c1', 1, 'tentative', 'manuals/vpn.md'),
        q('3', 'c2', 2, 'answered', 'FAQ-1'),
        q('4', 'c3', 3, 'no_answer'),
      ],
      [
        { questionId: '1', resolved: false },
        { questionId: '3', resolved: true },
      ],
      [{ conversationId: 'c1', createdAt: at(5) }],
    );
    assert.deepEqual(usage, [
      {
        documentId: 'FAQ-1',
        title: 'FAQ-1',
        kind: 'faq',
        top: 2,
        answered: 2,
        tentative: 0,
        resolved: 1,
        unresolved: 1,
        escalated: 0,
      },
      {
        documentId: 'manuals/vpn.md',
        title: 'manuals/vpn.md',
        kind: 'document',
        top: 1,
        answered: 0,
        tentative: 1,
        resolved: 0,
        unresolved: 0,
        escalated: 1,
      },
    ]);
  });

  it('groups the top questions with the grouper it is given', () => {
    const period = parsePeriod('monthly', '2026-05', new Date('2026-07-01T00:00:00Z'));
    const question = (text: string): QuestionRecord => ({
      id: text,
      conversationId: 'c',
      askedAt: at(0),
      text,
      outcome: 'no_answer',
      confidence: 0,
      answer: '',
      sources: [],
      channel: 'web',
      requester: {},
      latencyMs: 1,
    });
    const questions = ['VPNにつながらない', 'VPNに接続できない', 'VPNにつながらない', 'プリンタが動かない'].map(
      question,
    );
    const grouped = buildUsage(period, questions, [], (texts) => [
      { text: 'VPNにつながらない', count: texts.filter((t) => t.startsWith('VPN')).length },
      { text: 'プリンタが動かない', count: 1 },
    ]);
    assert.deepEqual(grouped.topQuestions, [
      { text: 'VPNにつながらない', count: 3 },
      { text: 'プリンタが動かない', count: 1 },
    ]);
    assert.deepEqual(buildUsage(period, questions, []).topQuestions[0], { text: 'VPNにつながらない', count: 2 });
  });
});
