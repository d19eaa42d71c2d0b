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
