/**
 * `kotae chat`: the same conversation as the web chat, in a terminal. Runs the bot in-process,
 * or talks to the running server's API when the data directory is in use by it.
 */
import readline from 'node:readline';
import { createApp } from '../../app';
import { runTurn, type Helpdesk } from '../../bot';
import { type BotReply } from '../../conversations';
import { toKotaeError } from '../../core';
import { MemoryLogger } from '../../core';
import { SystemClock } from '../../core';
import type { CliIo } from './io';
import { configFromProcess } from './runtime';
import { CLI_MESSAGES } from './messages';
import { renderText } from './render-text';
import { HttpHelpdesk } from './http-helpdesk';

/** Runs an interactive chat on stdin/stdout. */
export async function chatCommand(_argv: string[], io: CliIo): Promise<number> {
  const config = configFromProcess();
  const logger = new MemoryLogger();
  let helpdesk: Helpdesk;
  let close = async () => {};
  try {
    const app = await createApp(config, { logger, clock: new SystemClock() });
    helpdesk = app.helpdesk;
    close = () => app.close();
  } catch (err) {
    if (toKotaeError(err).code !== 'DATA_DIR_IN_USE') throw err;
    helpdesk = new HttpHelpdesk(config.publicUrl);
  }
  try {
    await converse(helpdesk, io, logger);
  } finally {
    await close();
  }
  return 0;
}

async function converse(helpdesk: Helpdesk, io: CliIo, logger: MemoryLogger): Promise<void> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: io.isTTY });
  let conversationId: string | undefined;
  let lastChoices: BotReply['choices'] = [];
  // The question id of the reply the numbered choices belong to, and of the last answer shown: /yes, /no and a
  // number name the answer they were shown under, as the web chat's buttons do (no longer current → expired).
  let choicesOf: string | undefined;
  let shownAnswer: string | undefined;
  io.out(CLI_MESSAGES.chatIntro);
  const show = (reply: BotReply) => {
    if (reply.conversationId) conversationId = reply.conversationId;
    lastChoices = reply.choices;
    choicesOf = reply.questionId;
    if (reply.questionId) shownAnswer = reply.questionId;
    io.out(`Kotae> ${renderText(reply)}\n`);
  };
  rl.setPrompt(CLI_MESSAGES.chatPrompt);
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/exit' || line === '/quit') break;
    if (line) {
      const id = conversationId ?? '';
      const choice = /^\d+$/.test(line) ? lastChoices[Number(line) - 1] : undefined;
      if (line === '/yes' || line === '/no') {
        const rated = { conversationId: id, resolved: line === '/yes', questionId: shownAnswer };
        show(await runTurn(id, logger, () => helpdesk.feedback(rated)));
      } else if (line.startsWith('/ticket')) {
        show(
          await runTurn(
            id,
            logger,
            async () => (await helpdesk.escalate({ conversationId: id, details: line.slice(7).trim() })).reply,
          ),
        );
      } else {
        show(
          await runTurn(id, logger, () =>
            helpdesk.ask({
              conversationId,
              channel: 'cli',
              text: choice?.value ?? line,
              ...(choice ? { choiceOf: choicesOf } : {}),
            }),
          ),
        );
      }
    }
    rl.prompt();
  }
  rl.close();
}
