/**
 * The web chat's look for the /auth pages a web chat user lands on (signing out, signed out): the chat's header
 * (the app's name as its one h1) and stylesheet (`/static/chat.css`, as `static/index.html`), not the console's.
 */
import type { Response } from 'express';
import { html, type SafeHtml } from '../console';
import { SSO_MESSAGES as M } from './messages';

/** Answers a page in the web chat's look (never cached); `redirect` moves the browser on by itself. */
export function chatPage(res: Response, status: number, title: string, body: SafeHtml, redirect?: string): void {
  const markup = html`<!doctype html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        ${redirect ? html`<meta http-equiv="refresh" content="0;url=${redirect}" />` : ''}
        <title>${title}｜${M.chatName}｜Kotae</title>
        <link rel="stylesheet" href="/static/chat.css" />
      </head>
      <body>
        <header class="top">
          <h1>${M.chatName} <span class="brand">${M.chatBrand}</span></h1>
        </header>
        <main>
          <h2>${title}</h2>
          ${body}
        </main>
      </body>
    </html>`.value;
  res.status(status).type('html').setHeader('Cache-Control', 'no-store').send(markup);
}
