/** Checks of register and lending input; every failure is INPUT_INVALID with a Japanese message. */
import { KotaeError } from '../core';
import { REGISTER_ERRORS as E } from './messages';
import { EQUIPMENT_KINDS, REGISTER_KINDS, type EquipmentKind, type RegisterKind } from './types';

/** The naming rule of computer names (app/config.ts, KOTAE_COMPUTER_NAME_*). */
export interface ComputerNameRule {
  /** Regular expression a name (upper-cased) must match in full. */
  pattern: string;
  /** The rule in words, shown when a name does not match. */
  hint: string;
}

/** NetBIOS-safe default: a letter, then letters, digits or hyphens, 15 characters at most. */
export const DEFAULT_COMPUTER_NAME_RULE: ComputerNameRule = {
  pattern: '^[A-Z][A-Z0-9-]{0,14}$',
  hint: '英字で始まる英大文字・数字・ハイフンの15文字以内',
};

const invalid = (internal: string, userMessage: string) => new KotaeError('INPUT_INVALID', internal, { userMessage });

/** A required text field, trimmed, at most `max` characters. */
export function requiredText(value: unknown, field: string, max: number): string {
  const v = typeof value === 'string' ? value.trim() : '';
  if (!v || v.length > max) throw invalid(`${field} missing or too long`, E.required(field, max));
  return v;
}

/** An optional text field, trimmed (undefined when blank), at most `max` characters. */
export function optionalText(value: unknown, field: string, max: number): string | undefined {
  const v = typeof value === 'string' ? value.trim() : '';
  if (v.length > max) throw invalid(`${field} too long`, E.tooLong(field, max));
  return v || undefined;
}

/** A register kind from a form value. */
export function registerKindOf(value: unknown): RegisterKind {
  const kind = REGISTER_KINDS.find((k) => k === value);
  if (!kind) throw invalid(`unknown register ${String(value)}`, E.kindInvalid);
  return kind;
}

/** An equipment kind from a form value. */
export function equipmentKindOf(value: unknown): EquipmentKind {
  const kind = EQUIPMENT_KINDS.find((k) => k === value);
  if (!kind) throw invalid(`unknown equipment kind ${String(value)}`, E.itemKindInvalid);
  return kind;
}

/** A dotted-decimal IPv4 address (0–255 per octet, no leading zeros), as typed without spaces. */
export function normalizeIpv4(value: string): string {
  const v = value.trim();
  const octet = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
  if (!new RegExp(`^${octet}(\\.${octet}){3}$`).test(v)) throw invalid(`bad ipv4 ${v}`, E.ipInvalid);
  return v;
}

/** A computer name upper-cased (Windows names are case-insensitive) and checked against the rule. */
export function normalizeComputerName(value: string, rule: ComputerNameRule): string {
  const v = value.trim().toUpperCase();
  if (!new RegExp(rule.pattern).test(v)) {
    throw invalid(`computer name ${v} breaks the naming rule`, `コンピュータ名は${rule.hint}で入力してください。`);
  }
  return v;
}

/** The value of a register, normalised for its kind. */
export function normalizeRegisterValue(kind: RegisterKind, value: string, rule: ComputerNameRule): string {
  return kind === 'ip' ? normalizeIpv4(value) : normalizeComputerName(value, rule);
}

/** A booking window: end after start, at most `maxDays` long. */
export function checkWindow(startsAt: Date, endsAt: Date, maxDays: number): void {
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()) || endsAt.getTime() <= startsAt.getTime())
    throw invalid('bad booking window', E.windowInvalid);
  if (endsAt.getTime() - startsAt.getTime() > maxDays * 86_400_000)
    throw invalid('booking window too long', E.windowTooLong(maxDays));
}

/** Accessory names, one per line or comma, trimmed and without duplicates. */
export function accessoryList(value: unknown): string[] {
  const text = typeof value === 'string' ? value : Array.isArray(value) ? value.join('\n') : '';
  const names = text
    .split(/[\n,、]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const n of names) if (n.length > 100) throw invalid('accessory too long', E.tooLong('付属品', 100));
  return [...new Set(names)];
}
