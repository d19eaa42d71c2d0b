// Kotae web chat, the conversation kept in step with the server: the whole history when the page opens, then
// every 3 seconds the lines written since — the desk's replies, and what another open page of the same
// conversation (a second tab, a phone) asked and was answered, with sources, candidates, notices, feedback and
// escalations — each once, in the history's order. The page's own questions and answers were shown from the
// responses: the server names their lines (header X-Kotae-Lines), so the poll leaves them out.
// Usage: const sync = window.KotaeSync.mount({ log, path, request, render, onLoaded, onReplies, onGone });
//   path() → '/api/conversations/<id>' or undefined; request(method, path) → the JSON; render(line, lastAnswer)
//   → the line's bubble; onLoaded(history); onReplies() after the desk's lines; onGone() when the server
//   no longer knows the conversation (404 on open). A request that writes: sync.begin(), then
//   sync.end({ ok, lines }, { question, reply }) with its bubbles.
(function () {
  'use strict';
  const POLL_MS = 3000;
  const LINES_HEADER = 'x-kotae-lines';
  // A ticket opened or joined (bot/messages.ts ticketCreated / ticketJoined): the older 担当者に問い合わせる are done.
  const TICKET_LINE = /^(お問い合わせを受け付けました。受付番号は |このお問い合わせは受付番号 )/;

  /** The lines a response says its request wrote: a list of indexes, or undefined without the header. */
  function linesOf(res) {
    const value = res.headers.get(LINES_HEADER);
    if (value === null) return undefined;
    return value.split(',').filter(Boolean).map(Number).filter(Number.isInteger);
  }

  function indexOf(m) {
    const v = m.dataset.index;
    return v === undefined ? -1 : Number(v);
  }

  function mount(options) {
    const log = options.log;
    // Lines before `seen` are shown (or this page's own); `done`: lines at or after it shown already.
    let seen = 0;
    const done = new Set();
    // Requests of this page that may have written lines not yet named.
    let pending = 0;
    // A write answered without the header (history unreadable then): the next poll's lines are taken as its own.
    let unnamed = false;
    let timer = undefined;

    function mark(index) {
      if (index >= seen) done.add(index);
      while (done.has(seen)) {
        done.delete(seen);
        seen += 1;
      }
    }

    // A bubble takes its line's place: before the first bubble of a later line.
    function place(m, index) {
      m.dataset.index = String(index);
      const next = Array.prototype.find.call(log.children, function (c) {
        return c !== m && indexOf(c) > index;
      });
      if (next) log.insertBefore(m, next);
    }

    // Another page's line after them made these buttons of earlier bubbles stale: shown as done, as there.
    function doneBefore(index, selector) {
      log.querySelectorAll('.msg').forEach(function (m) {
        if (indexOf(m) >= index) return;
        m.querySelectorAll(selector).forEach(function (b) {
          b.disabled = true;
        });
      });
    }

    /** Shows the history's new lines; returns how many were the desk's. */
    function show(data, opening) {
      const last = data.lastAnswer;
      let other = -1;
      let ticket = -1;
      let replies = 0;
      const rated = [];
      data.messages.forEach(function (line) {
        if (line.index < seen || done.has(line.index)) return;
        if (!opening && line.role !== 'operator') {
          // Perhaps this page's own, named when its response comes.
          if (pending > 0) return;
          if (unnamed) return mark(line.index);
        }
        place(options.render(line, last && line.index === last.index ? last : undefined), line.index);
        mark(line.index);
        if (line.role === 'operator') replies += 1;
        else other = line.index;
        if (line.role === 'system' && TICKET_LINE.test(line.text)) ticket = line.index;
        // Right after an answer: its 解決した / 解決しない or 担当者に問い合わせる was used there.
        if (line.role === 'system' && !opening) rated.push(line.index - 1);
      });
      rated.forEach(function (index) {
        const answer = log.querySelector('.msg.bot[data-index="' + index + '"]:not(.system):not(.operator)');
        if (!answer) return;
        answer.querySelectorAll('.actions button').forEach(function (b) {
          b.disabled = true;
        });
      });
      if (pending === 0) unnamed = false;
      if (!opening && other >= 0) doneBefore(other, '.actions button.answer-button');
      if (!opening && ticket >= 0) doneBefore(ticket, '.actions .escalate-button');
      return replies;
    }

    async function poll() {
      const path = options.path();
      if (!path) return;
      try {
        const data = await options.request('GET', path + '/messages?after=' + seen);
        if (show(data, false) > 0) options.onReplies();
      } catch (e) {
        // Offline for a moment: try again at the next tick.
      }
    }

    function start() {
      if (timer === undefined) timer = setInterval(poll, POLL_MS);
    }

    /** The whole conversation from the server (on open, or when another tab started it). */
    async function load() {
      const path = options.path();
      if (!path) return;
      try {
        const data = await options.request('GET', path + '/messages?after=0');
        show(data, true);
        for (let i = seen; i < data.total; i += 1) mark(i);
        options.onLoaded(data);
        start();
      } catch (e) {
        if (e.status === 404) options.onGone();
      }
    }

    /** The conversation was forgotten (a new one starts): earlier bubbles keep their place above its lines. */
    function reset() {
      seen = 0;
      done.clear();
      unnamed = false;
      log.querySelectorAll('.msg[data-index]').forEach(function (m) {
        delete m.dataset.index;
      });
    }

    function begin() {
      pending += 1;
    }

    /** A write came back: `sent.lines` (linesOf) are this page's own; its bubbles take their places' indexes. */
    function end(sent, bubbles) {
      pending = Math.max(0, pending - 1);
      const lines = sent.lines;
      if (lines === undefined) {
        // A refusal without the header wrote nothing; an answer without it did.
        if (sent.ok) unnamed = true;
        return;
      }
      lines.forEach(mark);
      if (!lines.length) return;
      if (bubbles.question) bubbles.question.dataset.index = String(lines[0]);
      if (bubbles.reply) bubbles.reply.dataset.index = String(lines[lines.length - 1]);
    }

    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') poll();
    });

    return {
      load: load,
      start: start,
      reset: reset,
      begin: begin,
      end: end,
      busy: function () {
        return pending > 0;
      },
    };
  }

  window.KotaeSync = { mount: mount, linesOf: linesOf };
})();
