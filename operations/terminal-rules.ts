/**
 * Checks and normalises one terminal's fields: computer name (NetBIOS: letters, digits, hyphen, at
 * most 15, stored upper-case), IPv4 or IPv6 address (canonical form), MAC address (stored as
 * 00-1A-2B-3C-4D-5E), lengths. Returns the problems in Japanese instead of throwing, so a CSV
 * import can list every problem of every row.
 */
import { isIP } from 'node:net';
import { OPS_MESSAGES as M } from './messages';
import type { TerminalInput } from './types';

/** Longest free-text fields. */
export const TERMINAL_TEXT_LIMITS = { model: 200, os: 100, osVersion: 100, department: 200, userName: 200 } as const;
const FIELD_NAMES: Record<keyof typeof TERMINAL_TEXT_LIMITS, string> = {
  model: '機種',
  os: 'OS',
  osVersion: 'OSバージョン',
  department: '所属',
  userName: '利用者',
};

/** A terminal as typed (form or CSV row) before checking; `siteId` already resolved. Same fields as TerminalInput, not yet normalised. */
export type RawTerminal = TerminalInput;

/** The normalised terminal, or the problems found. */
export type TerminalCheck = { ok: true; value: TerminalInput } | { ok: false; problems: string[] };

/** Upper-case computer name without surrounding spaces. */
export function normaliseComputerName(name: string): string {
  return name.trim().toUpperCase();
}

/** The canonical form of an IP address (IPv6 lower-case), or undefined when it is not one. */
export function normaliseIp(ip: string): string | undefined {
  const t = ip.trim();
  const kind = isIP(t);
  if (kind === 4) return t.split('.').some((o) => o.length > 1 && o.startsWith('0')) ? undefined : t;
  if (kind === 6) return t.toLowerCase();
  return undefined;
}

/** A MAC address as 00-1A-2B-3C-4D-5E, or undefined when it is not one. */
export function normaliseMac(mac: string): string | undefined {
  const hex = mac.trim().toUpperCase();
  if (!/^[0-9A-F]{2}([-:]?)[0-9A-F]{2}(\1[0-9A-F]{2}){4}$/.test(hex)) return undefined;
  return (hex.replace(/[-:]/g, '').match(/../g) ?? []).join('-');
}

const optional = (v: string | undefined) => {
  const t = v?.trim();
  return t ? t : undefined;
};

/** Checks and normalises a terminal. */
export function checkTerminal(raw: RawTerminal): TerminalCheck {
  const problems: string[] = [];
  const computerName = normaliseComputerName(raw.computerName);
  if (!computerName) problems.push(M.computerNameRequired);
  else if (!/^[A-Z0-9][A-Z0-9-]{0,14}$/.test(computerName))
    problems.push(M.computerNameInvalid(raw.computerName.trim()));
  const ipText = raw.ipAddress.trim();
  const ipAddress = normaliseIp(ipText);
  if (!ipText) problems.push(M.ipRequired);
  else if (!ipAddress) problems.push(M.ipInvalid(ipText));
  const macText = optional(raw.macAddress);
  const macAddress = macText === undefined ? undefined : normaliseMac(macText);
  if (macText !== undefined && !macAddress) problems.push(M.macInvalid(macText));
  if (!raw.siteId) problems.push(M.siteRequired);
  const texts: Partial<Record<keyof typeof TERMINAL_TEXT_LIMITS, string>> = {};
  for (const key of Object.keys(TERMINAL_TEXT_LIMITS) as (keyof typeof TERMINAL_TEXT_LIMITS)[]) {
    const value = optional(raw[key]);
    if (value && value.length > TERMINAL_TEXT_LIMITS[key])
      problems.push(M.fieldTooLong(FIELD_NAMES[key], TERMINAL_TEXT_LIMITS[key]));
    texts[key] = value;
  }
  if (problems.length > 0 || !ipAddress) return { ok: false, problems };
  return {
    ok: true,
    value: { computerName, ipAddress, macAddress, siteId: raw.siteId, status: raw.status, ...texts },
  };
}
