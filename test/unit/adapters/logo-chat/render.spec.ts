import assert from 'node:assert/strict';
import type { BotAction, BotReply } from '../../../../conversations';
import { renderReply, splitText } from '../../../../adapters/logo-chat/render';

const reply = (r: Partial<BotReply>): BotReply => ({
  conversationId: 'c1',
  text: '回答です。',
  sources: [],
  choices: [],
  actions: [],
  ...r,
});

describe('LoGoチャット rendering of a BotReply', () => {
  it('writes the sources as titles and URLs and asks 「解決しましたか？」 with a yes/no stamp', () => {
    const parts = renderReply(
      reply({
        sources: [
          { title: 'VPN接続手順書', url: 'https://kb.example.lg.jp/vpn', snippet: '' },
          { title: '在宅勤務FAQ', snippet: '' },
        ],
        actions: ['resolved', 'not_resolved', 'escalate'],
      }),
    );
    assert.deepEqual(parts, [
      { kind: 'text', text: '回答です。\n\n参考資料:\n・VPN接続手順書\n  https://kb.example.lg.jp/vpn\n・在宅勤務FAQ' },
      { kind: 'yesno', question: '解決しましたか？' },
    ]);
  });

  it('offers candidates and actions in one select stamp', () => {
    const parts = renderReply(
      reply({
        choices: [
          { label: '候補A', value: 'a' },
          { label: '候補B', value: 'b' },
        ],
        actions: ['escalate'],
      }),
    );
    assert.deepEqual(parts[1], {
      kind: 'select',
      question: 'ご質問に近いものを選んでください。',
      options: [
        { kind: 'choice', label: '候補A', value: 'a' },
        { kind: 'choice', label: '候補B', value: 'b' },
        { kind: 'action', label: '担当者に問い合わせる', action: 'escalate' },
      ],
    });
    assert.equal(parts.length, 2);
  });

  it('renders a tentative answer: the proposal with its source, the other candidates, then 解決しましたか？', () => {
    const parts = renderReply(
      reply({
        outcome: 'tentative',
        text: '提案の回答です。\nこちらの回答でよろしいでしょうか。',
        sources: [{ title: 'トナー交換', url: 'https://kb.example.lg.jp/toner', snippet: '' }],
        choices: [{ label: '候補B', value: 'b' }],
        actions: ['resolved', 'not_resolved', 'escalate'],
      }),
    );
    assert.deepEqual(parts, [
      {
        kind: 'text',
        text: '提案の回答です。\nこちらの回答でよろしいでしょうか。\n\n参考資料:\n・トナー交換\n  https://kb.example.lg.jp/toner',
      },
      {
        kind: 'select',
        question: '違う場合は、ほかの候補を選んでください。',
        options: [{ kind: 'choice', label: '候補B', value: 'b' }],
      },
      { kind: 'yesno', question: '解決しましたか？' },
    ]);
  });

  it('falls back to a numbered list beyond 9 options or 64 characters', () => {
    const ten = Array.from({ length: 9 }, (_, i) => ({ label: `候補${i + 1}`, value: `v${i + 1}` }));
    const many = renderReply(reply({ choices: ten, actions: ['escalate'] }));
    assert.equal(many[1].kind, 'numbered');
    assert.match(
      (many[1] as { text: string }).text,
      /^ご質問に近いものを選んでください。\n1\. 候補1\n[\s\S]*\n10\. 担当者に問い合わせる\n番号を送信して選んでください。$/,
    );
    const long = renderReply(reply({ choices: [{ label: 'あ'.repeat(65), value: 'x' }] }));
    assert.equal(long[1].kind, 'numbered');
    const exact = renderReply(reply({ choices: [{ label: 'あ'.repeat(64), value: 'x' }] }));
    assert.equal(exact[1].kind, 'select');
  });

  it('renders an action kind it does not know as a select option labelled with its name', () => {
    const parts = renderReply(reply({ actions: ['escalate', 'close_ticket' as BotAction] }));
    assert.deepEqual(parts[1], {
      kind: 'select',
      question: '次の操作を選んでください。',
      options: [
        { kind: 'action', label: '担当者に問い合わせる', action: 'escalate' },
        { kind: 'action', label: 'close_ticket', action: 'close_ticket' },
      ],
    });
  });

  it('splits text at 1,024 characters on line breaks, and cuts only lines longer than a message', () => {
    const line = 'あ'.repeat(600);
    assert.deepEqual(splitText(`${line}\n${line}\n${line}`), [`${line}`, `${line}`, `${line}`]);
    const two = 'い'.repeat(500);
    assert.deepEqual(splitText(`${two}\n${two}\n${two}`), [`${two}\n${two}`, two]);
    const huge = 'う'.repeat(2050);
    assert.deepEqual(
      splitText(huge).map((p) => p.length),
      [1024, 1024, 2],
    );
    assert.ok(splitText('😀'.repeat(600)).every((p) => !/[\ud800-\udbff]$/.test(p)));
  });
});
