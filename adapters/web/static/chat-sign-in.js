// Single sign-on for the web chat (when configured): asks /auth/me who is signed in. Signed in, the
// conversation is the user's own (from any browser) and name / 所属 come from the directory; signed
// out while sign-in is required, the page offers the sign-in and keeps the question box closed.
// KotaeSignIn.signedOut() turns the header to the signed-out one at once (the server ended the sign-in since).
// What is in the question box when the サインイン link is followed comes back into it after the sign-in.
(function () {
  'use strict';
  // The draft goes along the sign-in in this tab only (sessionStorage), and no longer than until the chat opens again.
  const DRAFT_KEY = 'kotae.signInDraft';

  function question() {
    return document.getElementById('question');
  }

  /** Keeps the box's text for the way back (nothing when it is empty). */
  function keepDraft() {
    const box = question();
    if (box && box.value.trim()) sessionStorage.setItem(DRAFT_KEY, box.value);
    else sessionStorage.removeItem(DRAFT_KEY);
  }

  /** Puts the kept text back into an empty box (not sent) and forgets it. */
  function takeDraft() {
    const draft = sessionStorage.getItem(DRAFT_KEY);
    sessionStorage.removeItem(DRAFT_KEY);
    const box = question();
    if (!draft || !box || box.value) return;
    box.value = draft;
    // The compose box's hints (the length counter) follow, as after typing.
    box.dispatchEvent(new Event('input'));
  }

  function status(me) {
    const box = document.getElementById('sign-in-status');
    if (!box || !me) return;
    box.textContent = '';
    if (me.signedIn) {
      const who = document.createElement('span');
      who.className = 'signed-in';
      who.textContent = (me.user.name || '') + (me.user.department ? '（' + me.user.department + '）' : '');
      const out = document.createElement('form');
      out.method = 'post';
      out.action = '/auth/signout';
      const b = document.createElement('button');
      b.type = 'submit';
      b.className = 'secondary';
      b.textContent = 'サインアウト';
      out.appendChild(b);
      box.appendChild(who);
      box.appendChild(out);
    } else if (me.signInRequired) {
      const a = document.createElement('a');
      a.href = '/auth/signin?to=chat';
      a.id = 'sign-in-link';
      a.textContent = 'サインイン';
      a.addEventListener('click', keepDraft);
      box.appendChild(a);
    }
  }
  window.KotaeSignIn = {
    /** The header as a reload shows it signed out (sign-in required): the サインイン link. */
    signedOut: function () {
      status({ signedIn: false, signInRequired: true });
    },
    ready: fetch('/auth/me', { credentials: 'same-origin' })
      .then(function (res) {
        return res.ok ? res.json() : undefined;
      })
      .catch(function () {
        return undefined;
      })
      .then(function (me) {
        const shown = function () {
          status(me);
          takeDraft();
        };
        if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', shown);
        else shown();
        return me;
      }),
  };
  // Back from the provider without signing in (the page kept in the browser's cache): the box still has the text.
  window.addEventListener('pageshow', function (ev) {
    if (ev.persisted) sessionStorage.removeItem(DRAFT_KEY);
  });
})();
