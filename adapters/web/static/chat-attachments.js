// Kotae web chat attachments: a 📎 button that uploads a file to the conversation
// (POST /api/conversations/:id/attachments), and the files of the conversation (the requester's and
// the helpdesk's) with image thumbnails and downloads. Every request carries the conversation token.
// Usage: window.KotaeAttachments.mount({ container, conversationId: () => id, token: () => token, onUploaded,
//   onRefused }); onRefused(status, message) hears every refused request (a 401: the sign-in ended);
//   lock() disables 📎 for good (signed out while sign-in is required), its title saying why.
(function () {
  'use strict';
  const TOKEN_HEADER = 'X-Kotae-Conversation-Token';
  const ACCEPT =
    'image/png,image/jpeg,image/gif,image/webp,application/pdf,.txt,.log,.csv,.docx,.xlsx,.pptx,.doc,.xls,.ppt,.zip';
  const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
  const SIGN_IN_NEEDED = 'ファイルを添付するにはサインインしてください。';

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function formatBytes(n) {
    if (n >= 1024 * 1024) return (Math.round((n / (1024 * 1024)) * 10) / 10).toString().replace(/\.0$/, '') + 'MB';
    if (n >= 1024) return Math.round(n / 1024) + 'KB';
    return n + 'バイト';
  }

  function mount(options) {
    const container = options.container;
    const conversationId = options.conversationId;
    const token = options.token || function () {};
    const onUploaded = options.onUploaded || function () {};
    const onRefused = options.onRefused || function () {};
    let maxBytes = DEFAULT_MAX_BYTES;
    let locked = false;
    const shown = new Map();

    const bar = el('div', 'attach-bar');
    const input = el('input');
    input.type = 'file';
    input.accept = ACCEPT;
    input.id = 'attach-input';
    input.className = 'visually-hidden';
    // Reached through the 📎 button only: not a second, invisible Tab stop.
    input.tabIndex = -1;
    input.setAttribute('aria-label', 'ファイルを添付');
    const button = el('button', 'secondary attach-button', '📎 ファイルを添付');
    button.type = 'button';
    button.setAttribute('aria-controls', 'attach-input');
    const status = el('span', 'attach-status');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    const list = el('ul', 'attach-list');
    list.setAttribute('aria-label', '添付ファイル');
    bar.appendChild(button);
    bar.appendChild(input);
    bar.appendChild(status);
    container.appendChild(bar);
    container.appendChild(list);

    function headers() {
      const t = token();
      const h = {};
      if (t) h[TOKEN_HEADER] = t;
      return h;
    }

    function base() {
      const id = conversationId();
      return id ? '/api/conversations/' + encodeURIComponent(id) + '/attachments' : undefined;
    }

    function setStatus(text, isError) {
      status.textContent = text;
      status.classList.toggle('error', !!isError);
    }

    function json(res) {
      return res.json().catch(function () {
        return {};
      });
    }

    // A refused request: the server's own Japanese reason when it gives one (e.g. a file quarantined after a virus
    // scan), told to onRefused too (a 401 turns the page signed out, as the chat's own requests do).
    async function refusal(res, fallback) {
      const data = await json(res);
      const message = (data.error && data.error.message) || fallback;
      onRefused(res.status, message);
      return new Error(message);
    }

    async function blobOf(item) {
      const res = await window.KotaeParts.send(item.url, { headers: headers() });
      if (!res.ok) throw await refusal(res, 'ファイルを取得できませんでした。');
      return res.blob();
    }

    function render(item) {
      if (shown.has(item.id)) return;
      const li = el('li', 'attach-item ' + item.kind);
      li.dataset.id = item.id;
      const label = (item.kind === 'operator' ? 'ヘルプデスクより: ' : '') + item.fileName;
      if (item.quarantined) {
        li.classList.add('quarantined');
        li.appendChild(el('span', 'attach-quarantined', label + '（ウイルスが検出されたため隔離しました）'));
        list.appendChild(li);
        shown.set(item.id, li);
        return;
      }
      if (item.inline) {
        const img = el('img', 'attach-thumb');
        img.alt = item.fileName;
        li.appendChild(img);
        blobOf(item).then(
          function (blob) {
            img.src = URL.createObjectURL(blob);
          },
          function () {
            img.alt = item.fileName + '（表示できません）';
          },
        );
      }
      const link = el('button', 'link attach-download', label + '（' + formatBytes(item.sizeBytes) + '）');
      link.type = 'button';
      link.addEventListener('click', async function () {
        try {
          const url = URL.createObjectURL(await blobOf(item));
          const a = el('a');
          a.href = url;
          a.download = item.fileName;
          document.body.appendChild(a);
          a.click();
          a.remove();
          setTimeout(function () {
            URL.revokeObjectURL(url);
          }, 10000);
        } catch (e) {
          setStatus(e.message, true);
        }
      });
      li.appendChild(link);
      list.appendChild(li);
      shown.set(item.id, li);
    }

    async function refresh() {
      const url = base();
      if (!url) return;
      try {
        const res = await fetch(url, { headers: headers() });
        if (!res.ok) {
          // Shown nowhere (the next refresh tries again), except a 401's through onRefused.
          await refusal(res, 'ファイルの一覧を取得できませんでした。');
          return;
        }
        const data = await res.json();
        if (data.maxBytes) maxBytes = data.maxBytes;
        (data.attachments || []).forEach(render);
      } catch (e) {
        // Offline for a moment: the next refresh catches up.
      }
    }

    async function upload(file) {
      const url = base();
      if (locked) {
        setStatus(SIGN_IN_NEEDED, true);
        return;
      }
      if (!url) {
        setStatus('先に質問を入力してください。会話が始まるとファイルを添付できます。', true);
        return;
      }
      if (file.size === 0) {
        setStatus('空のファイルは添付できません（1ファイル' + formatBytes(maxBytes) + 'まで）。', true);
        return;
      }
      if (file.size > maxBytes) {
        setStatus('ファイルが大きすぎます。添付できるのは1ファイル' + formatBytes(maxBytes) + 'までです。', true);
        return;
      }
      const form = new FormData();
      form.append('file', file, file.name);
      button.disabled = true;
      setStatus('「' + file.name + '」を送信しています…', false);
      try {
        // One key per upload: a retry of this request (proxy, browser) is stored once.
        const sent = headers();
        sent['idempotency-key'] = window.KotaeParts.requestKey();
        const res = await window.KotaeParts.send(url, { method: 'POST', headers: sent, body: form });
        if (!res.ok) throw await refusal(res, '送信に失敗しました。');
        const data = await json(res);
        setStatus(data.message, false);
        render(data.attachment);
        onUploaded(data);
      } catch (e) {
        setStatus(e.message, true);
      } finally {
        button.disabled = locked;
      }
    }

    button.addEventListener('click', function () {
      input.click();
    });
    input.addEventListener('change', function () {
      const file = input.files && input.files[0];
      // Cleared whatever happens next, so picking the same file again (after an error) is a change again.
      input.value = '';
      if (file) upload(file);
    });
    const timer = setInterval(function () {
      if (!document.hidden) refresh();
    }, 20000);
    refresh();
    return {
      refresh: refresh,
      upload: upload,
      lock: function () {
        locked = true;
        button.disabled = true;
        button.title = SIGN_IN_NEEDED;
      },
      unmount: function () {
        clearInterval(timer);
        bar.remove();
        list.remove();
      },
    };
  }

  window.KotaeAttachments = { mount: mount };
})();
