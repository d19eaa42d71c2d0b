/** E-mail addresses. */
import type { PiiSpan } from '../types';
import { isListedRomajiFamily } from './romaji-name';

// Also with the @ percent-encoded, as a link's query string carries it (?mail=kondo.ryota%40example.com).
const EMAIL =
  /(?<![\w.%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*(?:@|%40)[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+/g;

/**
 * An address written with its @ spelt out so that robots do not harvest it, as people copy it from a site or type it in
 * a form (nishi.ken (at) example.jp, sato[at]example.ne.jp, tanaka ＠ example.com): the local part, then (at) or [at]
 * with or without spaces, then a domain with a dot.
 */
const SPELT_OUT =
  /(?<![\w.%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*[ \t]?(?:\([Aa][Tt]\)|\[[Aa][Tt]\]|[ \t]@[ \t])[ \t]?[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:(?:\.|[ \t]?(?:\(dot\)|\[dot\])[ \t]?)[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+/g;

/** Addresses of mail systems, no person's (noreply@, MAILER-DAEMON@). */
const SYSTEM_SENDER = /^(?:no-?reply|do-?not-?reply|postmaster|mailer-daemon)@/i;

/** A section's, a facility's or a shared mailbox's display name before <address> (子育て支援課 共有 <kosodate@…>, 図書館 <…>). */
const GROUP_DISPLAY_NAME = /(?:[課係室部局館]|共有|代表|窓口|センター)\s*<$/;

/** A role's mailbox, no person's (helpdesk@, info@, webmaster@), a list's (somu-all@, ml-kikaku@) or a dummy (xxxx@). */
const ROLE_MAILBOX =
  /^(?:(?:helpdesk|help|info|support|webmaster|contact|office|desk|admin|system)|[\w.\-]*[-_.](?:all|ml|list)|(?:ml|all)[-_.][\w.\-]*|x{3,}|dummy|sample|test|example|hoge|foo|user|username|yourname|your\.name|name|someone)@/i;
/** A note right after the address calling it a shared or a section's mailbox (…（資格係 共有アドレス）). */
const GROUP_NOTE_AFTER = /^[ \t]*[（(][^）)\n]{0,24}(?:共有|代表)[^）)\n]{0,10}[）)]/;

/** Called a shared, a section's or a resource's mailbox right before it (共有アドレス somu@…, 共有BOX …, リソースアカウントは …). */
const GROUP_NOTE_BEFORE =
  /(?:共有|代表|グループ|リソース|部署|課の|メーリングリスト|ML)(?:アドレス|メールアドレス|メールボックス|アカウント|メール|BOX|ボックス)?(?:の|は|が|:|：)?\s*$/;
/** A device's or a service's setting (mail = scan-2f@… in a scanner's configuration; not a signature's Mail:). */
const DEVICE_KEY_BEFORE = /(?:^|\n)\s*(?:mail|email|smtp_?(?:from|to)?|from|sender|notify|alert)\s*=\s*$/;

/**
 * A mailbox named after a person: a family name and an initial (ogino.h@), or a listed family name in Latin letters as a
 * part of the local part (k_sato@);
 * a setting's value is still someone's then (mail=ogino.h@… under [notify]).
 */
const personal = (address: string): boolean => {
  const local = address.split('@')[0] ?? '';
  return PERSON_LOCAL.test(local) || local.split(/[._-]/).some((part) => isListedRomajiFamily(part));
};
/** A family name and an initial, either way round (ogino.h, h_ogino): a person's mailbox. */
const PERSON_LOCAL = /^[a-z]{3,12}[._][a-z]{1,2}$|^[a-z]{1,2}[._][a-z]{3,12}$/i;

/** Finds e-mail addresses (not a mail system's own). */
export function detectEmail(normalized: string): PiiSpan[] {
  return [...normalized.matchAll(EMAIL), ...normalized.matchAll(SPELT_OUT)]
    .filter(
      (m) =>
        !SYSTEM_SENDER.test(m[0]) &&
        !ROLE_MAILBOX.test(m[0]) &&
        !GROUP_DISPLAY_NAME.test(normalized.slice(Math.max(0, m.index - 30), m.index)) &&
        !GROUP_NOTE_AFTER.test(normalized.slice(m.index + m[0].length, m.index + m[0].length + 40)) &&
        !GROUP_NOTE_BEFORE.test(normalized.slice(Math.max(0, m.index - 24), m.index)) &&
        !(DEVICE_KEY_BEFORE.test(normalized.slice(Math.max(0, m.index - 24), m.index)) && !personal(m[0])),
    )
    .map((m) => ({ type: 'email' as const, start: m.index, end: m.index + m[0].length }));
}
