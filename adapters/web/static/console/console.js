// Kotae console: confirmation for destructive forms (no inline handlers, so CSP stays strict).
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm))
    event.preventDefault();
});

// Live pages (Server-Sent Events): when the desk or the open ticket changes, the parts marked
// data-live-part are fetched again and swapped in; forms are left alone, so typed text stays and a
// save against an older version still gets the 409 conflict page.
(() => {
  const root = document.querySelector('[data-live]');
  if (!root || !root.dataset.live || !('EventSource' in window)) return;
  let marker = root.dataset.marker;
  let busy = false;
  let again = false;
  async function refresh() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      const res = await fetch(window.location.href, { credentials: 'same-origin' });
      if (!res.ok) return;
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      for (const part of document.querySelectorAll('[data-live-part]')) {
        const fresh = doc.querySelector(`[data-live-part="${part.dataset.livePart}"]`);
        if (fresh) part.replaceWith(document.importNode(fresh, true));
      }
      document.title = doc.title;
      const notice = document.getElementById('live-notice');
      if (notice) notice.hidden = false;
      document.dispatchEvent(new CustomEvent('kotae:live-refreshed'));
    } finally {
      busy = false;
      if (again) {
        again = false;
        void refresh();
      }
    }
  }
  const source = new EventSource(root.dataset.live);
  source.addEventListener('change', (event) => {
    const next = JSON.parse(event.data);
    if (next === marker) return;
    marker = next;
    void refresh();
  });
})();

// Keyboard shortcuts (shown with ?): / search, j/k move, Enter open, a assign to me, r reply box.
(() => {
  const help = document.getElementById('shortcuts');
  const typing = (el) =>
    el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
  let current = -1;
  const rows = () => Array.from(document.querySelectorAll('tr[data-ticket]'));
  function select(index) {
    const list = rows();
    if (list.length === 0) return;
    current = Math.max(0, Math.min(list.length - 1, index));
    list.forEach((r, i) => r.classList.toggle('current', i === current));
    const link = list[current].querySelector('a.ticket-link');
    if (link) link.focus();
  }
  document.addEventListener('kotae:live-refreshed', () => {
    if (current >= 0) select(current);
  });
  document.getElementById('shortcuts-close')?.addEventListener('click', () => {
    if (help) help.hidden = true;
  });
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const key = event.key;
    if (key === '?') {
      if (help) help.hidden = !help.hidden;
      if (help && !help.hidden) help.querySelector('button')?.focus();
    } else if (key === 'Escape' && help && !help.hidden) {
      help.hidden = true;
    } else if (key === '/') {
      const q = document.getElementById('q');
      if (!q) return;
      q.focus();
      q.select();
    } else if (key === 'j') {
      select(current + 1);
    } else if (key === 'k') {
      select(current < 0 ? 0 : current - 1);
    } else if (key === 'a') {
      const row = rows()[current];
      const button = row ? row.querySelector('button[formaction$="/assign-me"]') : document.getElementById('assign-me');
      if (!button) return;
      button.click();
    } else if (key === 'r') {
      const reply = document.getElementById('reply-body');
      if (!reply) return;
      reply.focus();
    } else {
      return;
    }
    event.preventDefault();
  });
})();

// Skip links move the keyboard focus to their target (not only the scroll position).
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a.skip') : null;
  const target = link ? document.getElementById(link.getAttribute('href').slice(1)) : null;
  if (!target) return;
  event.preventDefault();
  target.focus();
});
