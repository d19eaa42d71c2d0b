// Kotae web chat: the requester's name, 所属 and 内線, kept in this browser (localStorage) and sent with
// questions and escalations so the server's conversation knows them.
(function () {
  'use strict';
  const KEY = 'kotae.profile';
  const FIELDS = { name: 'user-name', department: 'user-department', phone: 'user-phone' };
  // The forms' `elements` copyTo() filled (the escalation forms): a sign-in that ends copies into them again.
  const copies = [];

  /** The filled-in fields, by name (name, department, phone). */
  function read() {
    const p = {};
    Object.keys(FIELDS).forEach(function (k) {
      const v = document.getElementById(FIELDS[k]).value.trim();
      if (v) p[k] = v;
    });
    return p;
  }

  /** Fills the empty fields from `p` (what the server or this browser knows). */
  function fill(p) {
    Object.keys(FIELDS).forEach(function (k) {
      const field = document.getElementById(FIELDS[k]);
      if (p && p[k] && !field.value) field.value = p[k];
    });
  }

  /** Fills the fields from `p` and keeps them in this browser. */
  function save(p) {
    fill(p);
    localStorage.setItem(KEY, JSON.stringify(read()));
  }

  /** A signed-in user's name and 所属 come from the directory: shown as it says and read-only. */
  function fromDirectory(user) {
    [
      ['user-name', user.name],
      ['user-department', user.department],
    ].forEach(function (pair) {
      const field = document.getElementById(pair[0]);
      field.value = pair[1] || '';
      field.readOnly = true;
    });
  }

  /**
   * Copies the fields into a form's `elements` of the same names: trimmed, read-only where the page's are; again when
   * the sign-in ends while the form is open (signedOut()).
   */
  function copyTo(elements) {
    if (copies.indexOf(elements) < 0) copies.push(elements);
    Object.keys(FIELDS).forEach(function (k) {
      const field = document.getElementById(FIELDS[k]);
      elements[k].value = field.value.trim();
      elements[k].readOnly = field.readOnly;
    });
  }

  /** What this browser kept (a bad value is dropped). */
  function kept() {
    try {
      return JSON.parse(localStorage.getItem(KEY) || '{}') || {};
    } catch (e) {
      localStorage.removeItem(KEY);
      return {};
    }
  }

  /**
   * The sign-in ended on the page: name, 所属 and 内線 as a signed-out open shows them, editable with what this browser
   * kept (not the directory's values of the user who was signed in, nor the 内線 the server's conversation filled in);
   * the escalation forms still open get them too.
   */
  function signedOut() {
    const p = kept();
    Object.keys(FIELDS).forEach(function (k) {
      const field = document.getElementById(FIELDS[k]);
      field.readOnly = false;
      field.value = p[k] || '';
    });
    copies.splice(0).forEach(function (elements) {
      if (elements.name.isConnected) copyTo(elements);
    });
  }

  /** Keeps every edit in this browser and fills the fields from what it kept. */
  function restore() {
    Object.keys(FIELDS).forEach(function (k) {
      document.getElementById(FIELDS[k]).addEventListener('change', function () {
        localStorage.setItem(KEY, JSON.stringify(read()));
      });
    });
    fill(kept());
  }

  window.KotaeProfile = {
    fields: Object.keys(FIELDS),
    read: read,
    fill: fill,
    save: save,
    restore: restore,
    copyTo: copyTo,
    fromDirectory: fromDirectory,
    signedOut: signedOut,
  };
})();
