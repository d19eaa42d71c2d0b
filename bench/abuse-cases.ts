/**
 * The hostile requests of `npm run bench:abuse`: what replaces a route's `:params`, what is appended to
 * its query string, and which bodies are posted. Bodies are built once (a 5 MB gzip bomb per request
 * made the old bench slow and its RSS large).
 */
import iconv from 'iconv-lite';
import zlib from 'node:zlib';

/** One hostile request shape; `body` only for POST. */
export interface AbuseCase {
  name: string;
  path?: (p: string) => string;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  /** Leave out the CSRF header (a signed-in POST without its token). */
  noCsrf?: boolean;
  /** Another method than the route's (a method no route answers). */
  method?: string;
}

/** Form and JSON field names the routes read (from the console's `field(req, …)` calls and the API schemas). */
export const FIELDS = [
  ...'_csrf accessories alternates answer approver assignee attachmentId back body bulk_assignee bulk_category bulk_priority bulk_status category changed computerName confidential confirm content current date dir displayName download email encoding endedAt failed faqId format from id ids imported incidents kind name next note notice offset operatorName other password poolId priority q query question reason remarks role seats since site sla sort sourceUrl startedAt state status target template text ticket title to type username version view'.split(
    ' ',
  ),
  ...'conversationId details resolved user itemId startsAt endsAt department requester purpose fiscalYear rejectReason returnNote quantity value siteId hostName ipAddress macAddress period start end'.split(
    ' ',
  ),
].filter((f) => f !== '_csrf');

/** Texts put into every field. */
export const TEXTS = [
  'パスワード\u0000を忘れました',
  'VPN\ud800がつながらない',
  '\udc00\u0001\u0002',
  '%E0%A4%A',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  "'); DROP TABLE ticket; --",
  '0000-01-01T00:00',
  '99999-12-31T25:61',
  '2026-02-30',
  '-1',
  'NaN',
  '1e309',
  '99999999999999999999999999',
  '../../../../etc/passwd',
  '__proto__',
  '',
];

/** Values put into a route's `:param`s (besides a plausible one). */
export const PARAM_VALUES = [
  '1',
  'HD-2026-000001',
  'HD-9999-999999',
  '-1',
  '0',
  'NaN',
  '1e309',
  '99999999999999999999999999',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '..%5C..%5Cwindows%5Cwin.ini',
  '__proto__',
  'constructor',
  '%27%20OR%201%3D1%20--',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%E0%A4%A',
  '%00',
  '%F0%9F%98%80',
  'x'.repeat(5000),
  '2026-13',
  'monthly',
];

const big = (n: number) => 'x'.repeat(n);

function formOf(t: string): string {
  const p = new URLSearchParams();
  for (const f of FIELDS) p.append(f, t);
  return p.toString();
}

function multipart(
  boundary: string,
  parts: { name: string; filename?: string; type?: string; data: Uint8Array | string }[],
): Uint8Array {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${disposition}\r\n` +
          `Content-Type: ${part.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    chunks.push(Buffer.from(part.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

const B = 'abuseBoundary7d1';
const mp = { 'content-type': `multipart/form-data; boundary=${B}` };
const sjisCsv = iconv.encode(
  '端末名,IPアドレス,設置場所\r\n本庁-001,10.0.0.1,"総務課\r\n"",未閉じ\r\n本庁-002,999.1.1.1,' +
    'あ'.repeat(5000) +
    '\r\n',
  'Shift_JIS',
);
const brokenSjis = Buffer.from([0x82, 0xa0, 0x82, 0xff, 0xfd, 0x2c, 0x0d, 0x0a, 0x81]);
const invalidUtf8 = Buffer.from([0x66, 0x6f, 0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x3d, 0x31]);

/** Body cases for POST routes (each also sent to GET routes as a query string when it has a `path`). */
export function bodyCases(): AbuseCase[] {
  const json = { 'content-type': 'application/json' };
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const cases: AbuseCase[] = [];
  TEXTS.forEach((t, i) => {
    cases.push({
      name: `jsonText${i}`,
      headers: json,
      body: JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, t]))),
    });
    cases.push({ name: `formText${i}`, headers: form, body: formOf(t) });
  });
  // Over the stored-text limits (title 200, 備考 2,000, comments 20,000) and under the 200 kB body limit.
  cases.push(
    { name: 'formLong', headers: form, body: formOf('a'.repeat(3000)) },
    {
      name: 'jsonLong',
      headers: json,
      body: JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, 'あ'.repeat(1000)]))),
    },
    {
      name: 'jsonLongText',
      headers: json,
      body: JSON.stringify({ body: 'あ'.repeat(20_001), content: 'い'.repeat(10_001), question: 'う'.repeat(10_001) }),
    },
  );
  const wrongTypes = [42, -1, 1e308, true, null, ['x', 'y'], { a: { b: 1 } }, []];
  wrongTypes.forEach((v, i) =>
    cases.push({
      name: `jsonWrongTypes${i}`,
      headers: json,
      body: JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, v]))),
    }),
  );
  cases.push(
    {
      name: 'formArrays',
      headers: form,
      body: FIELDS.map((f) => `${f}[]=a&${f}[]=b&${f}[x][y]=1`).join('&'),
    },
    {
      name: 'formProto',
      headers: form,
      body: '__proto__[admin]=1&constructor[prototype][admin]=1&__proto__=x&toString=1&hasOwnProperty=1&role=admin',
    },
    {
      name: 'jsonProto',
      headers: json,
      body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}},"toString":1,"valueOf":"x"}',
    },
    { name: 'jsonMalformed', headers: json, body: '{"question": "a",' },
    { name: 'jsonEmpty', headers: json, body: '' },
    { name: 'jsonNull', headers: json, body: 'null' },
    { name: 'jsonString', headers: json, body: '"質問"' },
    { name: 'jsonHugeNumber', headers: json, body: '{"id":1e999,"question":1e999}' },
    { name: 'jsonDeepArray', headers: json, body: '['.repeat(5000) + ']'.repeat(5000) },
    { name: 'jsonDeepObject', headers: json, body: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) },
    // A keyed request's fingerprint is the body's JSON: JSON.stringify of 10,000 levels overflowed the stack (500).
    {
      name: 'jsonDeepKeyed',
      headers: { ...json, 'idempotency-key': 'benchAbuseDeepKey-0001' },
      body: `{"question":"VPN","conversationId":"x","user":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
    },
    // gzip data declared as brotli: brotli's own error codes (ERR__ERROR_FORMAT_…) answered 500 on the console.
    { name: 'brMismatch', headers: { ...form, 'content-encoding': 'br' }, body: new Uint8Array(zlib.gzipSync('a=b')) },
    { name: 'formMalformed', headers: form, body: '%%%=%E0&a&=&&==' },
    { name: 'formManyFields', headers: form, body: Array.from({ length: 20_000 }, (_, i) => `f${i}=${i}`).join('&') },
    { name: 'formHuge', headers: form, body: `title=${big(2_000_000)}` },
    { name: 'jsonOversized', headers: json, body: `{"question":"${big(1_500_000)}"}` },
    { name: 'formInvalidUtf8', headers: form, body: new Uint8Array(invalidUtf8) },
    {
      name: 'jsonInvalidUtf8',
      headers: json,
      body: new Uint8Array(Buffer.concat([Buffer.from('{"question":"'), invalidUtf8, Buffer.from('"}')])),
    },
    {
      name: 'formShiftJis',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=Shift_JIS' },
      body: new Uint8Array(
        Buffer.concat([
          Buffer.from('title='),
          iconv.encode('件名です', 'Shift_JIS'),
          Buffer.from('&details='),
          brokenSjis,
        ]),
      ),
    },
    { name: 'gzipJunk', headers: { ...json, 'content-encoding': 'gzip' }, body: 'not gzip' },
    {
      name: 'gzipBomb',
      headers: { ...json, 'content-encoding': 'gzip' },
      body: new Uint8Array(zlib.gzipSync(`{"question":"${'a'.repeat(5_000_000)}"}`)),
    },
    { name: 'unknownEncoding', headers: { ...json, 'content-encoding': 'zstd-9' }, body: '{}' },
    { name: 'wrongCharset', headers: { 'content-type': 'application/json; charset=x-unknown' }, body: '{}' },
    { name: 'textPlain', headers: { 'content-type': 'text/plain' }, body: 'question=hello' },
    {
      name: 'xml',
      headers: { 'content-type': 'application/xml' },
      body: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
    },
    { name: 'noContentType', body: 'title=x' },
    { name: 'multipartNoBoundary', headers: { 'content-type': 'multipart/form-data' }, body: 'junk' },
    { name: 'multipartJunk', headers: mp, body: 'this is not multipart at all' },
    {
      name: 'multipartUnclosed',
      headers: mp,
      body: `--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc`,
    },
    {
      name: 'multipartTraversal',
      headers: mp,
      body: multipart(B, [
        { name: 'encoding', data: 'shift_jis' },
        { name: 'file', filename: '../../../../etc/passwd', type: 'text/csv', data: sjisCsv },
        { name: 'file', filename: '..\\..\\windows\\win.ini\u0000.pdf', data: 'x' },
      ]),
    },
    {
      name: 'multipartShiftJisCsv',
      headers: mp,
      body: multipart(B, [
        { name: 'encoding', data: 'utf-8' },
        { name: 'file', filename: '端末一覧.csv', type: 'text/csv', data: Buffer.concat([sjisCsv, brokenSjis]) },
      ]),
    },
    {
      name: 'multipartInvalidUtf8Csv',
      headers: mp,
      body: multipart(B, [
        { name: 'encoding', data: 'x-unknown' },
        {
          name: 'file',
          filename: 'a.csv',
          type: 'text/csv',
          data: Buffer.concat([Buffer.from('\ufeff端末名\r\n'), invalidUtf8]),
        },
      ]),
    },
    {
      name: 'multipartManyParts',
      headers: mp,
      body: multipart(
        B,
        Array.from({ length: 3000 }, (_, i) => ({
          name: `f${i}`,
          filename: i % 2 ? `${i}.txt` : undefined,
          data: 'x',
        })),
      ),
    },
    {
      name: 'multipartHuge',
      headers: mp,
      body: multipart(B, [
        { name: 'file', filename: 'big.pdf', type: 'application/pdf', data: Buffer.alloc(40_000_000, 0x41) },
      ]),
    },
  );
  cases.push({ name: 'missingCsrf', headers: form, body: formOf('a'), noCsrf: true });
  return cases;
}

/** Query-string cases (GET and POST). */
export function queryCases(): AbuseCase[] {
  const q = (name: string, query: string): AbuseCase => ({
    name,
    path: (p) => `${p}${p.includes('?') ? '&' : '?'}${query}`,
  });
  return [
    { name: 'badPercentPath', path: (p) => `${p}/%E0%A4%A` },
    q('badPercentQuery', 'since=%FF%FE&from=%&to=%E0%A4%A'),
    q('arrayQuery', 'since[]=1&from[a]=2&to=0000-00-00&status[]=open&status[]=closed&q[__proto__][x]=1'),
    q('protoQuery', '__proto__[admin]=1&constructor[prototype][x]=1&sort=__proto__'),
    q(
      'sortInjection',
      `sort=${encodeURIComponent('id; DROP TABLE ticket --')}&order=${encodeURIComponent("' OR 1=1")}&dir=sideways`,
    ),
    q('sortOverlong', `sort=${big(10_000)}&q=${big(10_000)}`),
    q('overlongQuery', `q=${'%E3%81%82'.repeat(20_000)}`),
    q('hugeNumbers', 'page=-1&offset=1e309&limit=99999999999999999999&since=NaN&id=-0&fiscalYear=-2026'),
    q(
      'invalidDates',
      'from=2026-02-30&to=0000-00-00&since=99999-12-31T25:61&period=2026-13&date=2026-W99&start=2026-04-01&end=2025-04-01',
    ),
    q('hugePeriod', 'from=1900-01-01&to=2999-12-31&period=custom'),
    q('sqlInQuery', `q=${encodeURIComponent("' OR 1=1 --")}&status=${encodeURIComponent("open' OR '1'='1")}`),
    q(
      'htmlInQuery',
      `q=${encodeURIComponent('<script>alert(1)</script>')}&notice=${encodeURIComponent('<img src=x onerror=alert(1)>')}&back=${encodeURIComponent('javascript:alert(1)')}`,
    ),
    q('nulInQuery', 'q=%00%01&view=%00&format=../../x&download=1&kind=%00'),
    // Methods no route answers (express answered OPTIONS with 200 and its English list of methods).
    { name: 'optionsMethod', method: 'OPTIONS' },
    { name: 'putMethod', method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"question":"VPN"}' },
    { name: 'deleteMethod', method: 'DELETE' },
  ];
}
