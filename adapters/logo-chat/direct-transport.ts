/** LogoTransport over the supervised direct-js child (direct mode). */
import { KotaeError } from '../../core';
import type { DirectSupervisor } from './direct-supervisor';
import type { LogoTransport } from './transport';

/** Posts through the child's IPC requests; ids are direct-js's `_<high>_<low>` strings. */
export class DirectTransport implements LogoTransport {
  constructor(private readonly supervisor: Pick<DirectSupervisor, 'request'>) {}

  sendText(talkId: string, text: string): Promise<string> {
    return this.supervisor.request({ type: 'send-text', talkId, text });
  }

  sendSelect(talkId: string, question: string, options: string[]): Promise<string> {
    return this.supervisor.request({ type: 'send-select', talkId, question, options });
  }

  sendYesNo(talkId: string, question: string): Promise<string> {
    return this.supervisor.request({ type: 'send-yesno', talkId, question });
  }

  async openPairTalk(domainId: string | undefined, userId: string): Promise<string> {
    if (!domainId) throw new KotaeError('CHANNEL_SEND_FAILED', `logo: no domain known for user ${userId}`);
    return this.supervisor.request({ type: 'create-pair-talk', domainId, userId });
  }
}
