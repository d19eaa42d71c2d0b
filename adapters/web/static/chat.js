// Kotae web chat: talks to /api/ask, /api/feedback and /api/tickets.
(function () {
  'use strict';
  const log = document.getElementById('log');
  const form = document.getElementById('ask-form');
  const input = document.getElementById('question');
  const sendButton = document.getElementById('send');
  const KEY = 'kotae.conversationId';
  let conversationId = sessionStorage.getItem(KEY) || undefined;
  const SINCE_KEY = 'kotae.since';
  let polling = undefined;

  // Replies from the helpdesk (to a ticket opened here) arrive while the page is open.
  async function pollReplies() {
    if (!conversationId) return;
    const since = sessionStorage.getItem(SINCE_KEY) || new Date().toISOString();
    try {
      const res = await fetch(
        '/api/conversations/' + encodeURIComponent(conversationId) + '/messages?since=' + encodeURIComponent(since),
      );
      if (!res.ok) return;
      const data = await res.json();
      (data.messages || []).forEach(function (m) {
        const box = addMessage('bot operator', m.text);
        box.insertBefore(el('div', 'from', 'ヘルプデスクより'), box.firstChild);
        sessionStorage.setItem(SINCE_KEY, m.at);
      });
    } catch (e) {
      // Offline for a moment: try again at the next tick.
    }
  }

  function startPolling() {
    if (!sessionStorage.getItem(SINCE_KEY)) sessionStorage.setItem(SINCE_KEY, new Date().toISOString());
    if (polling === undefined) polling = setInterval(pollReplies, 15000);
  }

  function user() {
    const name = document.getElementById('user-name').value.trim();
    const department = document.getElementById('user-department').value.trim();
    const u = {};
    if (name) u.name = name;
    if (department) u.department = department;
    return Object.keys(u).length ? u : undefined;
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function addMessage(role, text) {
    const m = el('div', 'msg ' + role, text);
    log.appendChild(m);
    m.scrollIntoView({ block: 'end' });
    return m;
  }

  async function post(path, body) {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const data = await res.json().catch(function () {
      return {};
    });
    if (!res.ok) throw new Error((data.error && data.error.message) || '通信に失敗しました。');
    return data;
  }

  function button(label, cls, onClick) {
    const b = el('button', cls, label);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function renderReply(data) {
    const m = addMessage('bot', data.answer);
    m.dataset.outcome = data.outcome;
    if (data.sources && data.sources.length && data.outcome === 'answered') {
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
    const actions = el('div', 'actions');
    (data.choices || []).forEach(function (c) {
      actions.appendChild(
        button(c.label, 'secondary', function () {
          ask(c.value);
        }),
      );
    });
    (data.actions || []).forEach(function (a) {
      if (a === 'resolved')
        actions.appendChild(
          button('解決した', 'secondary', function () {
            feedback(true, actions);
          }),
        );
      if (a === 'not_resolved')
        actions.appendChild(
          button('解決しない', 'secondary', function () {
            feedback(false, actions);
          }),
        );
      if (a === 'escalate')
        actions.appendChild(
          button('担当者に問い合わせる', 'escalate-button', function () {
            showEscalation();
          }),
        );
    });
    if (actions.childNodes.length) m.appendChild(actions);
  }

  async function ask(text) {
    addMessage('user', text);
    sendButton.disabled = true;
    try {
      const data = await post('/api/ask', { question: text, conversationId: conversationId, user: user() });
      conversationId = data.conversationId;
      sessionStorage.setItem(KEY, conversationId);
      renderReply(data);
    } catch (e) {
      addMessage('bot error', e.message);
    } finally {
      sendButton.disabled = false;
      input.focus();
    }
  }

  async function feedback(resolved, actions) {
    actions.querySelectorAll('button').forEach(function (b) {
      b.disabled = true;
    });
    try {
      const data = await post('/api/feedback', { conversationId: conversationId, resolved: resolved });
      renderReply({ answer: data.message, outcome: 'feedback', actions: data.actions });
    } catch (e) {
      addMessage('bot error', e.message);
    }
  }

  function showEscalation() {
    if (!conversationId) {
      addMessage('bot', 'まず質問を入力してください。内容をもとに担当者へお問い合わせできます。');
      return;
    }
    const node = document.getElementById('escalate-template').content.firstElementChild.cloneNode(true);
    const box = addMessage('bot', '');
    box.appendChild(node);
    node.querySelector('textarea').focus();
    node.querySelector('.cancel').addEventListener('click', function () {
      box.remove();
      input.focus();
    });
    node.addEventListener('submit', async function (ev) {
      ev.preventDefault();
      node.querySelectorAll('button').forEach(function (b) {
        b.disabled = true;
      });
      try {
        const details = node.querySelector('textarea').value;
        const data = await post('/api/tickets', {
          conversationId: conversationId,
          details: details || undefined,
          user: user(),
        });
        box.textContent = '';
        box.appendChild(el('div', 'ticket-number', '受付番号: ' + data.number));
        box.appendChild(el('div', null, data.message));
        startPolling();
      } catch (e) {
        box.appendChild(el('div', 'msg error', e.message));
        node.querySelectorAll('button').forEach(function (b) {
          b.disabled = false;
        });
      }
    });
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    ask(text);
  });
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });
  addMessage('bot', 'こんにちは。ヘルプデスクの自動応答です。パソコンやシステムの困りごとを質問してください。');
  // Attachments (chat-attachments.js): the 📎 button and the files of this conversation.
  if (window.KotaeAttachments)
    window.KotaeAttachments.mount({
      container: document.getElementById('attachments'),
      conversationId: function () {
        return conversationId;
      },
      token: function () {
        return undefined;
      },
      onUploaded: function () {},
    });
  if (conversationId && sessionStorage.getItem(SINCE_KEY)) {
    startPolling();
    pollReplies();
  }
  input.focus();
})();
