/**
 * Personal data in machine text staff paste into a chat: JSON ("name":"…"), key=value log lines, YAML
 * (`tel: "…"`), XML (`<addr>…</addr>`), query strings and SQL INSERT statements, where the key or column
 * names what the value is (also a Python dict's 'key': 'value') (English and romanised Japanese keys: shimei, kana, tel, zip, juminhyo_code …).
 */
import type { PiiSpan, PiiType } from '../types';
import { KNOWN_FAMILY_NAMES } from '../family-names';

/** Keys (lower case, `-` read as `_`) and the type of their values. */
const KEYS: ReadonlyArray<[RegExp, PiiType]> = [
  [
    /^(?:name|full_?name|name_?kanji|kanji_?name|family|shimei|simei|seimei|kana|kana_?name|name_?kana|name_?roman|roman_?name|shimei_?kana|surname|given|given_?name|family_?name|first_?name|last_?name|applicant|applicant_?name|caller_?name|patient|patient_?name|sender_?name|requester_?name|contact_?name|holder|account_?holder|koza_?meigi|meigi|citizen|resident|customer|contact_?person|person|tantosha|display|display_?name|requested_?by|reported_?by|created_?by|updated_?by|assignee|assigned_?to|operator_?name|author)$/,
    'person_name',
  ],
  [/^(?:birth|birthday|birth_?date|birthdate|dob|date_?of_?birth|seinengappi|seinen_?gappi|umare)$/, 'birth_date'],
  [
    /^(?:tel|tel_?no|phone|phone_?no|phone_?number|mobile|cell|telephone|caller_?tel|keitai|denwa|renrakusaki_?tel)$/,
    'phone',
  ],
  [/^(?:mail|email|e_?mail|mail_?address|email_?address)$/, 'email'],
  [/^(?:zip|zip_?code|zipcode|postal|postal_?code|postcode|yubin|yubin_?bango|yubin_?no)$/, 'postal_code'],
  [/^(?:addr|address|address1|jusho|juusho|jyusho)$/, 'address'],
  [/^(?:kojin_?bango|kojin_?no|my_?number|mynumber|mynum|individual_?number)$/, 'my_number'],
  [/^(?:juminhyo_?code|jumin_?cd|jumin_?code|juki_?code|resident_?code)$/, 'resident_code'],
  [
    /^(?:kiso_?nenkin(?:_?(?:bango|no))?|nenkin_?no|nenkin_?bango|pension_?no|pension_?number|basic_?pension_?number)$/,
    'pension_number',
  ],
  [/^(?:passport|passport_?no|passport_?number|ryoken_?no|ryoken_?bango)$/, 'passport'],
  [
    /^(?:hihokensha_?no|hihokensha_?bango|hokensha_?no|hokensha_?bango|insurance_?no|insurance_?number|hoken_?kigo|hoken_?bango|kigo)$/,
    'insurance_number',
  ],
  [/^(?:account_?no|account_?number|koza_?no|koza_?bango|kouza_?no)$/, 'bank_account'],
];

/** The type a key names, if any. */
export function keyType(key: string): PiiType | undefined {
  const k = key.toLowerCase().replace(/-/g, '_');
  const of = (x: string): PiiType | undefined => KEYS.find(([re]) => re.test(x))?.[1];
  // raw_addr, holder_kana, citizen_name: the last part names the value.
  return of(k) ?? (k.includes('_') ? of(k.slice(k.lastIndexOf('_') + 1)) : undefined);
}

/** A value that is not data at all: empty, null, a placeholder. */
const NO_VALUE = /^(?:|null|none|nil|undefined|true|false|-+|n\/a|\*+|x+|0+|（空欄）|なし|不明|未入力)$/i;
/** A `name` that is a group's, a product's or a place's rather than a person's. */
const NOT_PERSON =
  /[課係室部局庁店社所院館園]$|センター$|株式会社|有限会社|システム|サーバ|Microsoft|Teams|Google|Windows/;

/** An account's role or a process rather than a person (author=system, created_by=admin). */
const ACCOUNT_WORD = /^(?:system|admin|administrator|root|auto|batch|bot|service|unknown|anonymous|guest)$/i;

/** Whether a value fits the type its key names. */
function fits(type: PiiType, value: string): boolean {
  // Empty, a placeholder, or a bind parameter of a prepared statement ($1, ?, :name).
  if (NO_VALUE.test(value.trim()) || value.length > 80 || /^\s*[$?:@]/.test(value)) return false;
  if (type === 'person_name')
    return (
      !/\d/.test(value) &&
      !NOT_PERSON.test(value) &&
      !ACCOUNT_WORD.test(value.trim()) &&
      (value.trim().length >= 2 || /^[一-龥]$/.test(value.trim()))
    );
  if (type === 'address') return /\d|[一二三四五六七八九十]丁目|番地/.test(value);
  if (type === 'email') return value.includes('@');
  // An extension alone (contact_tel: 内線 2231) rings a desk inside the office: no one's phone number.
  if (type === 'phone' && /^\s*(?:内線|ext\.?)/i.test(value)) return false;
  // A number's key before a sentence (zipcode: KEN_ALL 2025-05 版に更新 of a commit message) names a topic, not a value:
  // the value of a number's key is mostly its digits.
  if (type !== 'birth_date' && digitShare(value) < 0.5) return false;
  return /\d/.test(value);
}

/** Values that are words, not numbers. */
const TEXT_TYPES: ReadonlySet<PiiType> = new Set<PiiType>(['person_name', 'address', 'email', 'birth_date']);
const NUMBER_THEN_WORDS = /^[ \t]*\+?[\d(][\d\-(). ]*\d(?=[ \t]+[^\d\s])/;

/** The share of digits and a number's separators in a value, a bracketed note aside (090-… （携帯）). */
function digitShare(value: string): number {
  const bare = value.replace(/[（(][^（）()]*[）)]/g, '').trim();
  return bare.length ? (bare.match(/[\d\-+. 〒]/g)?.length ?? 0) / bare.length : 0;
}

// "key": "value" / "key": 12345 (JSON), key="value" / key=value (logs, query strings), <key>value</key> (XML),
// key: value at the start of a line (YAML).
const JSON_PAIR = /"([A-Za-z_][\w-]{0,40})"\s*:\s*(?:"((?:[^"\\\n]|\\.){0,80})"|(-?[\d][\d-]{0,30}))/g;
// 'key': 'value' as Python prints a dict into a log ({'kojin_no': '…', 'shimei': '…'}).
const PYTHON_PAIR = /'([A-Za-z_][\w-]{0,40})'\s*:\s*(?:'((?:[^'\\\n]|\\.){0,80})'|(-?[\d][\d-]{0,30}))/g;
// An unquoted value runs to the next key=, an & or the line's end (name=ENDO SATOSHI amount=30000).
const ASSIGNED =
  /(?<![\w-])([A-Za-z_][\w-]{0,40})[ \t]?=[ \t]?(?:"([^"\n]{0,80})"|'([^'\n]{0,80})'|([^&"'<>,;()\n]{1,80}?)(?=\s+[A-Za-z_][\w-]{0,40}=|[&;,()\n]|\s*$))/gm;
const XML = /<([A-Za-z_][\w-]{0,40})>([^<>\n]{1,80})<\/\1>/g;
// YAML keys are lower case (a capitalised "Name: …" is a form's label, read by english-context.ts).
const YAML = /^[ \t-]*([a-z_][\w-]{0,40}):[ \t]+(?:"([^"\n]{0,80})"|'([^'\n]{0,80})'|([^\n#]{1,80}?))[ \t]*$/gm;
/** PostgreSQL's unique violation detail, which echoes the row: Key (hokensha_no, hihokensha_no)=(032011, 00481273). */
const KEY_TUPLE = /\(([^()]{1,300})\)=(\([^()]{1,500}\))/g;
const INSERT = /INSERT\s+INTO\s+[\w.`"]+\s*\(([^()]{1,500})\)\s*VALUES\s*((?:\([^()]{0,1000}\)\s*,?\s*){1,50})/gi;

/** Finds values whose key names a personal-data type. */
export function detectKeyValues(normalized: string): PiiSpan[] {
  if (!/[=:<(]/.test(normalized)) return [];
  const spans: PiiSpan[] = [];
  const add = (key: string, raw: string | undefined, at: number): void => {
    const type = keyType(key);
    // A number's value run on into a sentence in an unquoted log line (kojin_bango=3849… がクエリ文字列に…): the number.
    const lead = type && raw !== undefined && !TEXT_TYPES.has(type) ? NUMBER_THEN_WORDS.exec(raw) : null;
    const value = lead ? raw!.slice(0, lead[0].length) : raw;
    // Addresses are the e-mail detector's, which knows a device's setting (mail = scan-2f@…) from a person's.
    if (!type || type === 'email' || value === undefined || !fits(type, value)) return;
    // A section before the name (requested_by: 人事課 村田) is no one's; a listed family name is (岡部 孝).
    const section =
      type === 'person_name' ? /^(\S{1,12}[課係室局班]|\S{2,12}部)[ \u3000]+(?=\S)/.exec(value.trim()) : null;
    const trimmed =
      section && !KNOWN_FAMILY_NAMES.has(section[1]!) ? value.trim().slice(section[0].length) : value.trim();
    const start = at + value.indexOf(trimmed);
    spans.push({ type, start, end: start + trimmed.length });
  };
  for (const re of [JSON_PAIR, PYTHON_PAIR, ASSIGNED, XML, YAML])
    for (const m of normalized.matchAll(re)) {
      const value = m[2] ?? m[3] ?? m[4];
      if (value === undefined) continue;
      add(m[1] ?? '', value, m.index + m[0].lastIndexOf(value));
    }
  for (const re of [INSERT, KEY_TUPLE])
    for (const m of normalized.matchAll(re)) spans.push(...insertValues(normalized, m));
  return spans;
}

/** The values of an INSERT's tuples (or a key tuple's) under columns that name a personal-data type. */
function insertValues(normalized: string, m: RegExpMatchArray): PiiSpan[] {
  const columns = (m[1] ?? '').split(',').map((c) => keyType(c.trim().replace(/[`"[\]]/g, '')));
  if (!columns.some(Boolean)) return [];
  const spans: PiiSpan[] = [];
  const tuplesAt = (m.index ?? 0) + m[0].indexOf(m[2] ?? '');
  for (const t of (m[2] ?? '').matchAll(/\(([^()]*)\)/g)) {
    let at = tuplesAt + (t.index ?? 0) + 1;
    // Values split at commas outside quotes.
    for (const [k, raw] of splitValues(t[1] ?? '').entries()) {
      const type = columns[k];
      const quoted = /^(\s*')(.*)'\s*$/.exec(raw);
      const value = quoted ? (quoted[2] ?? '') : raw.trim();
      const start = at + (quoted ? (quoted[1] ?? '').length : raw.indexOf(value));
      if (type && fits(type, value)) spans.push({ type, start, end: start + value.length });
      at += raw.length + 1;
    }
  }
  return spans.filter((s) => normalized.slice(s.start, s.end).length > 0);
}

function splitValues(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}
