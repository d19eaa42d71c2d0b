/** `kotae serve` (npm start): builds the app and listens until SIGINT/SIGTERM. */
import type { Server } from 'node:http';
import type { Express } from 'express';
import { createApp } from '../../app';
import { describeConfig } from '../../app';
import { KotaeError } from '../../core';
import { answerClientErrors } from '../web';
import type { CliIo } from './io';
import { configFromProcess, defaultRuntime } from './runtime';
import { CLI_MESSAGES } from './messages';

/** Listens on host:port (requests Node refuses answered in Japanese); resolves with the server once listening. */
export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(port, host);
    answerClientErrors(server);
    server.once('listening', () => resolve(server));
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new KotaeError('INPUT_INVALID', `port ${port} in use`, {
              userMessage: CLI_MESSAGES.portInUse(port),
              cause: err,
            })
          : err,
      );
    });
  });
}

/** Runs the server. */
export async function serveCommand(_argv: string[], io: CliIo): Promise<number> {
  const config = configFromProcess();
  const { logger, clock } = defaultRuntime();
  logger.info('starting kotae', describeConfig(config));
  const kotae = await createApp(config, { logger, clock });
  let server: Server;
  try {
    server = await listen(kotae.web, config.port, config.host);
  } catch (err) {
    await kotae.close();
    throw err;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  io.out(CLI_MESSAGES.serving(`http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`));
  await new Promise<void>((resolve) => {
    const stop = () => {
      io.err(CLI_MESSAGES.stopping);
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await kotae.close();
  return 0;
}
