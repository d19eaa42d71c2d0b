// Kotae web chat, parts: buttons that answer once, an answer's sources, the お問い合わせ履歴 panel (the requester's tickets with the
// helpdesk's replies), request keys, and fetch with a Japanese network error.
(function () {
  'use strict';

  /** An element with a class and text. */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** A button of a bubble. */
  function button(label, cls, onClick) {
    const b = el('button', cls, label);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  /** A bubble's buttons answer once: using one (`fn`) disables all of `actions`; a retired one does nothing. */
  function once(actions, fn) {
    return function (ev) {
      if (ev && ev.currentTarget.getAttribute('aria-disabled') === 'true') return;
      actions.querySelectorAll('button').forEach(function (b) {
        b.disabled = true;
      });
      fn();
    };
  }

  /**
   * A newer answer arrived (or a ticket was opened): the older answers' 解決した / 解決しない and candidates
   * would only get the expired wording now, so they stay in view but are marked disabled.
   */
  function retire(log) {
    log.querySelectorAll('.msg .actions button.answer-button').forEach(function (b) {
      b.setAttribute('aria-disabled', 'true');
    });
  }

  /** Appends the sources of an answer to its bubble `m`. */
  function sources(m, data) {
    const list = el('ol', 'sources');
    list.setAttribute('aria-label', '出典');
    data.sources.forEach(function (s) {
      const li = el('li');
      if (s.url) {
        const a = el('a', null, s.title);
        a.href = s.url;
        a.target = '_blank';
        a.rel = 'noopener';
        li.appendChild(a);
      } else {
        li.appendChild(el('span', null, s.title));
      }
      // The first source's snippet repeats the answer shown above it.
      const repeated = data.answer.replace(/\s+/g, ' ').startsWith(s.snippet.replace(/…$/, ''));
      if (!repeated) li.appendChild(el('span', 'snippet', s.snippet));
      list.appendChild(li);
    });
    m.appendChild(el('div', null, '出典:'));
    m.appendChild(list);
  }

  /** A history line's text as the page showed it live: an answer below its personal-data notice, if it had one. */
  function answerText(line) {
    return line.notice ? line.notice + '\n\n' + line.text : line.text;
  }

  /** Renders `{ tickets }` from GET /api/conversations/:id/tickets, or `{ error }`, into `list`. */
  function history(list, data) {
    list.textContent = '';
    if (data.error) return list.appendChild(el('p', 'msg error', data.error));
    if (!data.tickets.length) return list.appendChild(el('p', null, 'お問い合わせはまだありません。'));
    data.tickets.forEach(function (t) {
      const item = el('div', 'ticket');
      item.dataset.ticket = t.number;
      item.appendChild(el('div', 'ticket-title', t.number + '「' + t.title + '」'));
      const updated = new Date(t.updatedAt).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' });
      item.appendChild(el('div', 'ticket-meta', '状態: ' + t.statusLabel + ' ・ 最終更新: ' + updated));
      t.messages.forEach(function (m) {
        item.appendChild(el('div', 'reply', (m.from === 'helpdesk' ? 'ヘルプデスク: ' : 'あなた: ') + m.text));
      });
      list.appendChild(item);
    });
  }

  // A key made once per message (or upload): a retry of the same request, by a proxy or the browser,
  // carries it again and the server answers as the first time without writing twice.
  function requestKey() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map
      .call(bytes, function (b) {
        return ('0' + b.toString(16)).slice(-2);
      })
      .join('');
  }

  const NETWORK_ERROR = '通信に失敗しました。ネットワークを確認して、もう一度お試しください。';

  // fetch, whose network failure (offline, connection refused) says so in Japanese instead of the browser's
  // English ("Failed to fetch"); the error has `network: true`.
  async function send(url, init) {
    try {
      return await fetch(url, init);
    } catch (e) {
      const err = new Error(NETWORK_ERROR);
      err.network = true;
      throw err;
    }
  }

  window.KotaeParts = {
    el: el,
    button: button,
    once: once,
    retire: retire,
    sources: sources,
    answerText: answerText,
    history: history,
    requestKey: requestKey,
    send: send,
  };
})();
