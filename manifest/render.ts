/**
 * Fills manifest.template.json with the tenant's values, after checking them.
 */
import { readFileSync } from 'node:fs';
import { KotaeError, projectFile } from '../core';

/** Values that differ per installation. */
export interface ManifestValues {
  /** Teams app id (a GUID; may equal the bot id). */
  appId: string;
  /** Microsoft App ID of the Azure Bot. */
  botId: string;
  /** Public host name of Kotae, e.g. kotae.city.example.lg.jp (no scheme, no path). */
  domain: string;
  /** App version (semver); defaults to 1.0.0. Raise it on every re-upload. */
  version?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/i;
const SEMVER = /^\d+\.\d+\.\d+$/;

/** The problems of `values`, in Japanese for the person running the command; empty when valid. */
export function checkManifestValues(values: ManifestValues): string[] {
  const problems: string[] = [];
  if (!GUID.test(values.appId)) problems.push(`アプリID が GUID 形式ではありません: ${values.appId}`);
  if (!GUID.test(values.botId))
    problems.push(`ボットID（Microsoft App ID）が GUID 形式ではありません: ${values.botId}`);
  if (!HOST.test(values.domain))
    problems.push(`ドメインはホスト名だけを指定してください（例: kotae.example.lg.jp）: ${values.domain}`);
  if (values.version !== undefined && !SEMVER.test(values.version))
    problems.push(`バージョンは 1.2.3 の形式で指定してください: ${values.version}`);
  return problems;
}

function fill(node: unknown, values: Record<string, string>): unknown {
  if (typeof node === 'string') return node.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? `{{${key}}}`);
  if (Array.isArray(node)) return node.map((n) => fill(n, values));
  if (typeof node === 'object' && node !== null) {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v, values)]));
  }
  return node;
}

/** The manifest.json object for `values`; throws KotaeError INPUT_INVALID listing every problem. */
export function renderManifest(values: ManifestValues): Record<string, unknown> {
  const problems = checkManifestValues(values);
  if (problems.length > 0) {
    throw new KotaeError('INPUT_INVALID', `invalid manifest values: ${problems.join('; ')}`, {
      userMessage: problems.join('\n'),
    });
  }
  const template: unknown = JSON.parse(readFileSync(projectFile('manifest', 'manifest.template.json'), 'utf8'));
  const filled = fill(template, {
    appId: values.appId.toLowerCase(),
    botId: values.botId.toLowerCase(),
    domain: values.domain.toLowerCase(),
    version: values.version ?? '1.0.0',
  });
  return filled as Record<string, unknown>;
}
