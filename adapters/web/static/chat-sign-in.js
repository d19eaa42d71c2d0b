// Single sign-on for the web chat (when configured): asks /auth/me who is signed in. Signed in, the
// conversation is the user's own (from any browser) and name / 所属 come from the directory; signed
// out while sign-in is required, the page offers the sign-in and keeps the question box closed.
// KotaeSignIn.signedOut() turns the header to the signed-out one at once (the server ended the sign-in since).
(function () {
  'use strict';
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
        if (document.readyState === 'loading')
          document.addEventListener('DOMContentLoaded', function () {
            status(me);
          });
        else status(me);
        return me;
      }),
  };
})();
