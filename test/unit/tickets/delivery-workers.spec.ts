/**
 * Reply delivery with two workers (two instances) on one database: every reply is sent exactly once,
 * whether both retry the same backlog at once or one delivers a new reply while the other retries;
 * a channel held by another instance leaves the reply queued; a failed send waits for its retry delay.
 */
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import type { ChannelSender } from '../../../conversations';
import type { BotReply, ChannelKind, ConversationRecord } from '../../../conversations';
import { FakeClock } from '../../../core/clock';
import { MemoryLogger } from '../../../core/logger';
import { createDataSource, SqlTicketStore } from '../../../db';
import { SqlTicketOutbox } from '../../../db/repositories/sql-ticket-outbox';
import { ReplyDelivery } from '../../../tickets';
import { newTicket } from '../../contracts/ticket-store.contract';
import { describeEachDb } from '../../helpers/databases';
import { FakeConversations } from './fakes';

/** A sender that counts sends per reply text and takes a little time, as a real channel does. */
class CountingSender implements ChannelSender {
  readonly sends = new Map<string, number>();
  available?: () => boolean;
  failing = false;
  constructor(readonly channel: ChannelKind) {}
  async sendToConversation(_c: ConversationRecord, reply: BotReply): Promise<void> {
    await new Promise((r) => setTimeout(r, 5));
    if (this.failing) throw new Error('channel down');
    this.sends.set(reply.text, (this.sends.get(reply.text) ?? 0) + 1);
  }
}

describeEachDb('ReplyDelivery with two workers', (each) => {
  let second: DataSource;
  const clock = new FakeClock('2026-04-01T01:00:00Z');
  before(async () => {
    second = await createDataSource(each.db.config).initialize();
  });
  after(async () => {
    if (second?.isInitialized) await second.destroy();
  });
  beforeEach(async () => {
    await each.db.reset();
    // The conversation the tickets belong to (deliverQueued picks replies by the conversation's channel).
    const at = clock.now();
    await each.db.ds
      .getRepository('conversation')
      .insert({ id: 'conv-1', channel: 'logo', startedAt: at, lastActivityAt: at });
  });

  function worker(ds: DataSource, name: string, sender: ChannelSender, retryDelayMs = 0) {
    const conversations = new FakeConversations();
    conversations.add('conv-1', sender.channel);
    const store = new SqlTicketStore(ds, () => clock.now());
    return new ReplyDelivery({
      store,
      conversations,
      senders: new Map([[sender.channel, sender]]),
      outbox: new SqlTicketOutbox(ds),
      clock,
      logger: new MemoryLogger(),
      worker: name,
      retryDelayMs,
    });
  }

  it('sends each of 40 waiting replies exactly once when two workers retry the backlog at once', async () => {
    const store = new SqlTicketStore(each.db.ds, () => clock.now());
    const ticket = await store.create(newTicket({ conversationId: 'conv-1' }), 'bot');
    const bodies = Array.from({ length: 40 }, (_, i) => `返信 ${i + 1}`);
    for (const body of bodies) await store.addComment(ticket.id, { kind: 'reply', author: 'op1', body });
    clock.advanceMinutes(2);
    const sender = new CountingSender('web');
    const one = worker(each.db.ds, 'instance-1', sender);
    const two = worker(second, 'instance-2', sender);
    const results = await Promise.all([
      one.retryUndelivered(50),
      two.retryUndelivered(50),
      one.retryUndelivered(50),
      two.retryUndelivered(50),
    ]);
    assert.deepEqual(
      bodies.map((b) => sender.sends.get(b)),
      bodies.map(() => 1),
    );
    assert.equal(
      results.reduce((n, r) => n + r.delivered, 0),
      40,
    );
    const comments = await store.comments(ticket.id);
    assert.equal(comments.filter((c) => c.deliveredAt).length, 40);
    assert.deepEqual(await one.retryUndelivered(50), { attempted: 0, delivered: 0 });
  });

  it('sends a new reply once when one worker delivers it while the other retries everything waiting', async () => {
    const store = new SqlTicketStore(each.db.ds, () => clock.now());
    const ticket = await store.create(newTicket({ conversationId: 'conv-1' }), 'bot');
    const sender = new CountingSender('logo');
    const one = worker(each.db.ds, 'instance-1', sender);
    const two = worker(second, 'instance-2', sender);
    for (let i = 0; i < 20; i += 1) {
      const comment = await store.addComment(ticket.id, { kind: 'reply', author: 'op1', body: `新着 ${i}` });
      await Promise.all([one.deliver(ticket, comment), two.deliverQueued('logo'), one.deliverQueued('logo')]);
    }
    assert.equal([...sender.sends.values()].filter((n) => n !== 1).length, 0);
    assert.equal(sender.sends.size, 20);
  });

  it('leaves a reply queued on an instance that does not hold the channel; the holder sends it', async () => {
    const store = new SqlTicketStore(each.db.ds, () => clock.now());
    const ticket = await store.create(newTicket({ conversationId: 'conv-1' }), 'bot');
    const standbySender = new CountingSender('logo');
    standbySender.available = () => false;
    const holderSender = new CountingSender('logo');
    const comment = await store.addComment(ticket.id, { kind: 'reply', author: 'op1', body: '担当者から' });
    const left = await worker(second, 'standby', standbySender).deliver(ticket, comment);
    assert.deepEqual([left.deliveredAt, left.deliveryError], [undefined, undefined]);
    assert.equal(standbySender.sends.size, 0);
    assert.deepEqual(await worker(each.db.ds, 'holder', holderSender).deliverQueued('logo'), {
      attempted: 1,
      delivered: 1,
    });
    assert.equal(holderSender.sends.get('担当者から'), 1);
  });

  it('retries a failed send only after its retry delay, on any worker', async () => {
    const store = new SqlTicketStore(each.db.ds, () => clock.now());
    const ticket = await store.create(newTicket({ conversationId: 'conv-1' }), 'bot');
    const sender = new CountingSender('web');
    sender.failing = true;
    const one = worker(each.db.ds, 'instance-1', sender, 60_000);
    const two = worker(second, 'instance-2', sender, 60_000);
    const comment = await store.addComment(ticket.id, { kind: 'reply', author: 'op1', body: '再送' });
    assert.equal((await one.deliver(ticket, comment)).deliveryError, 'channel down');
    sender.failing = false;
    assert.deepEqual(await two.retryUndelivered(), { attempted: 0, delivered: 0 });
    clock.advanceMinutes(1.01);
    assert.deepEqual(await two.retryUndelivered(), { attempted: 1, delivered: 1 });
    assert.equal(sender.sends.get('再送'), 1);
  });
});
