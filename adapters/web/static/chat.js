// Kotae web chat: talks to /api/ask, /api/feedback, /api/tickets and /api/conversations/:id/….
// The conversation id and its secret live in localStorage, so a reload or a second tab continue the
// same conversation; the history comes from the server.
(function () {
  'use strict';
  const log = document.getElementById('log');
  const form = document.getElementById('ask-form');
  const input = document.getElementById('question');
  const ID_KEY = 'kotae.conversationId';
  const TOKEN_KEY = 'kotae.conversationToken';
  let conversationId = localStorage.getItem(ID_KEY) || undefined;
  let token = localStorage.getItem(TOKEN_KEY) || undefined;
  // Single sign-on (chat-sign-in.js): the server knows the user; no page secret is needed.
  let signedIn = false;

  const el = window.KotaeParts.el;

  function addMessage(role, text) {
    const m = el('div', 'msg ' + role, text);
    log.appendChild(m);
    m.scrollIntoView({ block: 'end' });
    return m;
  }

  function addOperatorMessage(text) {
    const box = addMessage('bot operator', text);
    box.insertBefore(el('div', 'from', 'ヘルプデスクより'), box.firstChild);
    return box;
  }

  function headers(json) {
    const h = {};
    if (json) h['content-type'] = 'application/json';
    if (token) h['x-kotae-conversation-token'] = token;
    return h;
  }

  // One key per message (KotaeParts.requestKey): a retried request carries it again.
  function newKey() {
    return window.KotaeParts.requestKey();
  }

  // `sent` (a write's): filled with whether it was accepted and the history lines it wrote (chat-sync.js).
  async function request(method, path, body, key, sent) {
    const h = headers(body !== undefined);
    if (key) h['idempotency-key'] = key;
    const res = await window.KotaeParts.send(path, {
      method: method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (sent) Object.assign(sent, { ok: res.ok, lines: window.KotaeSync.linesOf(res) });
    const data = await res.json().catch(function () {
      return {};
    });
    if (!res.ok) {
      const err = new Error((data.error && data.error.message) || '通信に失敗しました。');
      err.status = res.status;
      err.data = data;
      // The refusal that ended the sign-in shows its notice here (`shown`), even a poll's.
      err.shown = refused(res.status, err.message);
      throw err;
    }
    return data;
  }

  function forget() {
    conversationId = undefined;
    token = undefined;
    sync.reset();
    localStorage.removeItem(ID_KEY);
    localStorage.removeItem(TOKEN_KEY);
  }

  function remember(id, secret) {
    conversationId = id;
    localStorage.setItem(ID_KEY, id);
    if (secret) {
      token = secret;
      localStorage.setItem(TOKEN_KEY, secret);
    }
  }

  // Name, 所属 and 内線 (chat-profile.js): kept in this browser and on the server's conversation.
  const profile = window.KotaeProfile;

  const button = window.KotaeParts.button;
  const once = window.KotaeParts.once;

  function actionButton(a, data, actions) {
    switch (a) {
      case 'resolved':
        return button(
          '解決した',
          'secondary answer-button',
          once(actions, () => feedback(true, data.questionId)),
        );
      case 'not_resolved':
        return button(
          '解決しない',
          'secondary answer-button',
          once(actions, () => feedback(false, data.questionId)),
        );
      case 'escalate':
        return button('担当者に問い合わせる', 'escalate-button', () => showEscalation(false));
      case 'new_ticket':
        return button('別件として新しく問い合わせる', 'escalate-button', () => showEscalation(true));
      case 'ask_bot':
        return button(
          'ボットに質問する',
          'secondary',
          once(actions, () => ask(data.pendingText, 'question', false)),
        );
      case 'reopen':
        return button(
          '再開して追記する',
          '',
          once(actions, () => ask(data.pendingText, 'reopen', false)),
        );
      case 'status':
        return button('お問い合わせ状況', 'secondary', () => ask('お問い合わせ状況'));
      default:
        return undefined;
    }
  }

  // A reply's bubble (`bubble`: a reloaded answer's); its buttons name the answer's question id (stale → expired).
  function renderReply(data, bubble) {
    const m = bubble || addMessage('bot', data.answer);
    m.dataset.outcome = data.outcome;
    if (data.ticketNumber) m.dataset.ticket = data.ticketNumber;
    if (data.sources && data.sources.length && (data.outcome === 'answered' || data.outcome === 'tentative'))
      window.KotaeParts.sources(m, data);
    const actions = el('div', 'actions');
    (data.choices || []).forEach(function (c) {
      actions.appendChild(
        button(
          c.label,
          'secondary answer-button',
          once(actions, () => ask(c.value, undefined, undefined, data.questionId)),
        ),
      );
    });
    (data.actions || []).forEach(function (a) {
      const b = actionButton(a, data, actions);
      if (b) actions.appendChild(b);
    });
    if (actions.childNodes.length) m.appendChild(actions);
    return m;
  }

  // A message the network lost on its way is sent again, unchanged, with its first key: the server
  // answers it once even if the first attempt did reach it.
  let unsent = undefined;

  // One message of the compose queue (chat-compose.js); true when the server accepted it.
  async function send(turn) {
    const body = { question: turn.text, conversationId: conversationId, user: profileOrUndefined() };
    if (turn.intent) body.intent = turn.intent;
    if (turn.choiceOf) body.choiceOf = turn.choiceOf;
    const json = JSON.stringify(body);
    const key = unsent && unsent.json === json ? unsent.key : newKey();
    unsent = undefined;
    const sent = {};
    const bubbles = { question: turn.bubble };
    sync.begin();
    try {
      let data;
      try {
        data = await request('POST', '/api/ask', body, key, sent);
      } catch (e) {
        if (e.status !== 404 || !conversationId) throw e;
        // The stored conversation is gone (e.g. deleted after the retention period): start a new one.
        forget();
        delete body.conversationId;
        delete body.intent;
        delete body.choiceOf;
        data = await request('POST', '/api/ask', body, key, sent);
      }
      remember(data.conversationId, data.conversationToken);
      sync.start();
      window.KotaeParts.retire(log); // a newer answer: the older ones' buttons would be expired
      bubbles.reply = renderReply(data);
      return true;
    } catch (e) {
      if (e.network) unsent = { json: json, key: key };
      const m = e.shown || addMessage('bot error', e.message);
      // The knowledge cannot answer now (the refusal names the conversation): the desk still can.
      if (e.data && e.data.conversationId && e.data.actions) {
        remember(e.data.conversationId, e.data.conversationToken);
        window.KotaeParts.retire(log);
        renderReply({ outcome: 'no_answer', actions: e.data.actions }, m);
        bubbles.reply = m;
        sync.start();
      }
      return false;
    } finally {
      sync.end(sent, bubbles);
    }
  }

  const compose = window.KotaeCompose.mount({
    form: form,
    input: input,
    status: document.getElementById('ask-status'),
    echo: (text) => addMessage('user', text),
    send: send,
  });

  function ask(text, intent, echo, choiceOf) {
    compose.ask(text, intent, echo, choiceOf);
  }

  function profileOrUndefined() {
    const p = profile.read();
    return Object.keys(p).length ? p : undefined;
  }

  async function feedback(resolved, questionId) {
    const sent = {};
    const bubbles = {};
    sync.begin();
    try {
      const body = { conversationId: conversationId, resolved: resolved, questionId: questionId };
      const data = await request('POST', '/api/feedback', body, newKey(), sent);
      bubbles.reply = renderReply({ answer: data.message, outcome: 'feedback', actions: data.actions });
    } catch (e) {
      if (!e.shown) addMessage('bot error', e.message);
    } finally {
      sync.end(sent, bubbles);
    }
  }

  function showEscalation(separate) {
    if (!conversationId) {
      addMessage('bot', 'まず質問を入力してください。内容をもとに担当者へお問い合わせできます。');
      return;
    }
    const node = document.getElementById('escalate-template').content.firstElementChild.cloneNode(true);
    // Signed in, name and 所属 come from the directory (read-only); both, and 送信する, follow a sign-in that ends.
    profile.copyTo(node.elements);
    compose.follow(node);
    const box = addMessage('bot', '');
    box.appendChild(node);
    node.querySelector('textarea').focus();
    node.querySelector('.cancel').addEventListener('click', function () {
      box.remove();
      input.focus();
    });
    node.addEventListener('submit', async function (ev) {
      ev.preventDefault();
      compose.hold(node, true);
      const user = {
        name: node.elements.name.value.trim(),
        department: node.elements.department.value.trim(),
        phone: node.elements.phone.value.trim(),
      };
      const sent = {};
      sync.begin();
      try {
        const details = node.elements.details.value;
        const body = { conversationId: conversationId, details: details || undefined, user: user };
        if (separate) body.separate = true;
        const data = await request('POST', '/api/tickets', body, newKey(), sent);
        profile.save(user);
        box.textContent = '';
        box.appendChild(el('div', 'ticket-number', '受付番号: ' + data.number));
        box.appendChild(el('div', null, data.message));
        const actions = el('div', 'actions');
        (data.actions || []).forEach(function (a) {
          const b = actionButton(a, {}, actions);
          if (b) actions.appendChild(b);
        });
        if (actions.childNodes.length) box.appendChild(actions);
        // The question is with the helpdesk now: older 担当者に問い合わせる and 解決した buttons are done.
        log.querySelectorAll('.msg .escalate-button').forEach(function (b) {
          if (!box.contains(b)) b.disabled = true;
        });
        window.KotaeParts.retire(log);
        sync.start();
      } catch (e) {
        if (!e.shown) box.appendChild(el('div', 'msg error', e.message));
        compose.hold(node, false);
      } finally {
        sync.end(sent, { reply: box });
      }
    });
  }

  // A history line's bubble (on open, or another page's line): every answer with the sources it was shown
  // with; the last also with the buttons that still apply (`last`: the history's lastAnswer).
  function renderLine(line, last) {
    if (line.role === 'user') return addMessage('user', line.text);
    if (line.role === 'operator') return addOperatorMessage(line.text);
    if (line.role === 'system') return addMessage('bot system', line.text);
    const m = addMessage('bot', window.KotaeParts.answerText(line));
    const shown = { answer: window.KotaeParts.answerText(line), outcome: line.outcome, sources: line.sources };
    if (last) renderReply(Object.assign(shown, last), m);
    else if (line.outcome) renderReply(shown, m);
    return m;
  }

  let attachments = undefined;

  const sync = window.KotaeSync.mount({
    log: log,
    path: function () {
      if (!conversationId || !(token || signedIn)) return undefined;
      return '/api/conversations/' + encodeURIComponent(conversationId);
    },
    request: request,
    render: renderLine,
    onLoaded: function (data) {
      profile.fill(data.requester);
    },
    // An operator's reply may come with files.
    onReplies: function () {
      if (attachments) attachments.refresh();
    },
    onGone: forget,
  });

  // Another tab started the conversation while this one had none: this page joins it.
  window.addEventListener('storage', function (ev) {
    if (ev.key !== ID_KEY && ev.key !== TOKEN_KEY) return;
    const id = localStorage.getItem(ID_KEY);
    const secret = localStorage.getItem(TOKEN_KEY);
    if (conversationId || signedIn || sync.busy() || !id || !secret) return;
    conversationId = id;
    token = secret;
    sync.load();
    if (attachments) attachments.refresh();
  });

  async function showHistoryPanel() {
    const list = document.getElementById('history-list');
    if (!conversationId || !(token || signedIn)) return window.KotaeParts.history(list, { tickets: [] });
    try {
      const path = '/api/conversations/' + encodeURIComponent(conversationId) + '/tickets';
      window.KotaeParts.history(list, await request('GET', path));
    } catch (e) {
      window.KotaeParts.history(list, { error: e.message });
    }
  }

  document.getElementById('history-toggle').addEventListener('click', function () {
    const panel = document.getElementById('history');
    panel.hidden = !panel.hidden;
    this.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) showHistoryPanel();
  });
  // Attachments (chat-attachments.js, when installed) add their controls to the compose area. Deferred
  // scripts have all run by DOMContentLoaded, whatever their order in the page.
  document.addEventListener('DOMContentLoaded', function () {
    if (!window.KotaeAttachments) return;
    attachments = window.KotaeAttachments.mount({
      container: document.getElementById('attachments') || form,
      // Signed out, the page has no conversation whose files it may read (as the poll's path()).
      conversationId: () => (token || signedIn ? conversationId : undefined),
      token: () => token,
      onRefused: refused,
    });
    // Signed out while sign-in is required, 📎 is locked with the send button (an upload could only be refused).
    compose.onLock(attachments.lock);
  });
  // Signed out while sign-in is required (on open, or ended since: expired, or by the Entra ID re-check): the header
  // offers the sign-in as a reload does, nothing more is sent, what was typed stays in the box. True if it just ended.
  function signedOut() {
    const ended = signedIn;
    signedIn = false;
    if (window.KotaeSignIn) window.KotaeSignIn.signedOut();
    if (ended) profile.signedOut();
    compose.lock();
    return ended;
  }
  // A refused request of the page (`status`; an attachment's too): a 401 ends the sign-in, its notice shown once.
  function refused(status, message) {
    return status === 401 && signedOut() ? addMessage('bot error', message) : undefined;
  }
  profile.restore();
  addMessage('bot', 'こんにちは。ヘルプデスクの自動応答です。パソコンやシステムの困りごとを質問してください。');
  (window.KotaeSignIn ? window.KotaeSignIn.ready : Promise.resolve(undefined)).then(function (me) {
    if (me && me.signedIn) {
      signedIn = true;
      conversationId = me.conversationId || undefined;
      token = undefined;
      profile.fromDirectory(me.user);
    } else if (me && me.signInRequired) {
      // `notice`: the sign-in was just ended by the Entra ID re-check (the server says why).
      addMessage('bot', me.notice || 'Webチャットを利用するにはサインインしてください。');
      signedOut();
      return;
    }
    sync.load();
  });
  input.focus();
})();
