// Kotae web chat, the compose box (#question): Enter sends, Shift+Enter starts a new line. A message sent
// while an answer is on its way waits for that answer, so it goes with the conversation id the answer
// brought (two quick messages make one conversation, in order). A message that was not accepted goes back
// into the box. Short Japanese hints under the box: an empty message, the waiting message, the length limit.
// Usage: const compose = window.KotaeCompose.mount({ form, input, status, echo, send });
//   echo(text) → the user's bubble; send({ text, intent }) → Promise<boolean> (true when accepted).
//   compose.ask(text, intent, echo, choiceOf) queues a message (the bubbles' buttons too; choiceOf: the question
//   id of a reloaded answer whose candidate was picked); compose.lock() stops sending (the send button disabled;
//   what is in the box stays there); compose.onLock(fn) runs fn then (at once when already locked);
//   compose.follow(form) locks another form's submit button with it (an escalation form's 送信する) and
//   compose.hold(form, held) disables that form's buttons while its request is on its way.
(function () {
  'use strict';
  // The counter shows from this many characters before the limit.
  const NEAR_LIMIT = 200;

  function count(n) {
    return n.toLocaleString('ja-JP');
  }

  const MESSAGES = {
    empty: '質問を入力してください（空白だけでは送信できません）。',
    waiting: '前の回答が届いたあとに送信します。',
    length: function (n, max) {
      return count(n) + ' / ' + count(max) + '文字';
    },
    cut: function (max) {
      return '貼り付けた文章が' + count(max) + '文字を超えたため、超えた部分は入力されていません。';
    },
  };

  function mount(options) {
    const form = options.form;
    const input = options.input;
    const status = options.status;
    const max = input.maxLength > 0 ? input.maxLength : Infinity;
    const pending = [];
    let busy = false;
    let locked = false;
    const onLocked = [];
    let pasteCut = false;

    // `kind` says which hint is shown, so e.g. the counter never wipes the waiting notice.
    function hint(kind, text, isError) {
      status.textContent = text;
      status.dataset.kind = text ? kind : '';
      status.classList.toggle('error', !!isError);
    }

    function clearHint(kind) {
      if (status.dataset.kind === kind) hint(kind, '');
    }

    function showLength() {
      const n = input.value.length;
      if (n >= max - NEAR_LIMIT) hint('length', MESSAGES.length(n, max), n >= max);
      else clearHint('length');
    }

    // Messages that were not sent go back into the box, before whatever was typed since.
    function giveBack(turns) {
      const texts = [];
      turns.forEach(function (t) {
        if (t.bubble) {
          t.bubble.remove();
          texts.push(t.text);
        }
      });
      if (!texts.length) return;
      input.value = texts.concat(input.value ? [input.value] : []).join('\n');
      showLength();
    }

    async function pump() {
      if (busy) return;
      busy = true;
      form.setAttribute('aria-busy', 'true');
      while (pending.length) {
        const turn = pending.shift();
        if (turn.bubble) turn.bubble.classList.remove('queued');
        if (!pending.length) clearHint('waiting');
        let accepted = false;
        try {
          accepted = await options.send(turn);
        } catch (e) {
          accepted = false;
        }
        if (!accepted) giveBack([turn].concat(pending.splice(0)));
      }
      clearHint('waiting');
      form.removeAttribute('aria-busy');
      busy = false;
      input.focus();
    }

    /** Sends `text` after the messages before it; `echo === false` shows no bubble (and gives nothing back). */
    function ask(text, intent, echo, choiceOf) {
      const turn = { text: text, intent: intent, bubble: echo === false ? undefined : options.echo(text) };
      if (choiceOf) turn.choiceOf = choiceOf;
      pending.push(turn);
      if (busy) {
        if (turn.bubble) turn.bubble.classList.add('queued');
        hint('waiting', MESSAGES.waiting, false);
      }
      pump();
    }

    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (locked) return;
      const text = input.value.trim();
      if (!text) {
        hint('empty', MESSAGES.empty, true);
        input.focus();
        return;
      }
      input.value = '';
      clearHint('empty');
      clearHint('length');
      ask(text);
    });
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
        ev.preventDefault();
        form.requestSubmit();
      }
    });
    // The box's maxlength cuts a long paste without a word: say so.
    input.addEventListener('paste', function (ev) {
      const pasted = (ev.clipboardData && ev.clipboardData.getData('text/plain')) || '';
      const kept = input.value.length - Math.abs(input.selectionEnd - input.selectionStart);
      pasteCut = kept + pasted.replace(/\r\n/g, '\n').length > max;
    });
    input.addEventListener('input', function () {
      clearHint('empty');
      if (pasteCut) hint('length', MESSAGES.cut(max), true);
      else showLength();
      pasteCut = false;
    });

    function disableSubmit(f) {
      const submit = f.querySelector('button[type=submit]');
      if (submit) submit.disabled = true;
    }

    function onLock(fn) {
      if (locked) fn();
      else onLocked.push(fn);
    }

    return {
      ask: ask,
      lock: function () {
        locked = true;
        disableSubmit(form);
        onLocked.splice(0).forEach(function (fn) {
          fn();
        });
      },
      onLock: onLock,
      follow: function (other) {
        onLock(function () {
          disableSubmit(other);
        });
      },
      // Released, the buttons work again; the submit only while sending is not locked (as the send button).
      hold: function (other, held) {
        other.querySelectorAll('button').forEach(function (b) {
          b.disabled = held || (locked && b.type === 'submit');
        });
      },
    };
  }

  window.KotaeCompose = { mount: mount };
})();
