/**
 * Builds the Teams app package (manifest.json + color.png + outline.png at the zip root) and the
 * `kotae manifest` command around it.
 */
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ZipFile } from 'yazl';
import { projectFile, toKotaeError } from '../core';
import { renderManifest, type ManifestValues } from './render';

/** What to build and where. */
export interface ManifestPackageOptions extends ManifestValues {
  /** Path of the .zip to write. */
  out: string;
}

// A fixed timestamp keeps the package byte-identical for identical inputs.
const MTIME = new Date('2026-01-01T00:00:00Z');

/** Writes the app package; returns its absolute path. */
export async function buildManifestPackage(options: ManifestPackageOptions): Promise<string> {
  const manifest = renderManifest(options);
  const out = resolve(options.out);
  mkdirSync(dirname(out), { recursive: true });
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8'), 'manifest.json', { mtime: MTIME });
  for (const icon of ['color.png', 'outline.png']) {
    zip.addBuffer(readFileSync(projectFile('manifest', icon)), icon, { mtime: MTIME });
  }
  zip.end();
  await new Promise<void>((done, fail) => {
    const file = createWriteStream(out);
    file.on('close', () => done());
    file.on('error', fail);
    zip.outputStream.on('error', fail).pipe(file);
  });
  return out;
}

/** Output streams and defaults (from the config: Teams app id, public URL's host). */
export interface ManifestCommandDeps {
  out: (s: string) => void;
  err: (s: string) => void;
  defaults?: Partial<ManifestValues>;
}

const USAGE =
  '使い方: kotae manifest --out <ファイル.zip> [--app-id <GUID>] [--bot-id <GUID>] [--domain <ホスト名>] [--version <1.0.0>]';
const FLAGS: Readonly<Record<string, keyof ManifestPackageOptions>> = {
  '--out': 'out',
  '--app-id': 'appId',
  '--bot-id': 'botId',
  '--domain': 'domain',
  '--version': 'version',
};

/** `kotae manifest --out app.zip`: returns the exit code (0 ok, 2 usage or invalid values, 1 failure). */
export async function runManifestCommand(argv: string[], deps: ManifestCommandDeps): Promise<number> {
  const given: Partial<Record<keyof ManifestPackageOptions, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const key = FLAGS[argv[i]];
    const value = argv[i + 1];
    if (!key || value === undefined || value.startsWith('--')) {
      deps.err(`不明な引数です: ${argv[i]}\n${USAGE}`);
      return 2;
    }
    given[key] = value;
    i++;
  }
  const botId = given.botId ?? deps.defaults?.botId;
  const values = {
    out: given.out,
    botId,
    appId: given.appId ?? deps.defaults?.appId ?? botId,
    domain: given.domain ?? deps.defaults?.domain,
    version: given.version ?? deps.defaults?.version,
  };
  if (!values.out || !values.appId || !values.botId || !values.domain) {
    deps.err(
      `出力先・ボットID・ドメインが必要です（設定 KOTAE_TEAMS_APP_ID / KOTAE_PUBLIC_URL または引数で指定）。\n${USAGE}`,
    );
    return 2;
  }
  try {
    const path = await buildManifestPackage({
      ...values,
      out: values.out,
      appId: values.appId,
      botId: values.botId,
      domain: values.domain,
    });
    deps.out(`Teams アプリパッケージを作成しました: ${path}`);
    return 0;
  } catch (err) {
    const error = toKotaeError(err);
    deps.err(error.userMessage);
    return error.code === 'INPUT_INVALID' ? 2 : 1;
  }
}
