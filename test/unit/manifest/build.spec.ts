import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { AppManifestUtils, TeamsManifestConverter } from '@microsoft/app-manifest';
import { buildManifestPackage, readPngHeader, renderManifest, runManifestCommand } from '../../../manifest';
import { colorIcon, outlineIcon } from '../../../manifest/build-icons';

const APP_ID = '0c2f1b9e-5a41-4d3c-9a7e-2b8e6f4d1a10';
const BOT_ID = 'd3b07384-d9a0-4c6b-8f2e-7a1e5c9b4f21';
const VALUES = { appId: APP_ID, botId: BOT_ID, domain: 'kotae.city.example.lg.jp' };

/** Entries of a zip file (read through its central directory; stored or deflated). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const [method, size, nameLen, extraLen, commentLen, local] = [
      zip.readUInt16LE(p + 10),
      zip.readUInt32LE(p + 20),
      zip.readUInt16LE(p + 28),
      zip.readUInt16LE(p + 30),
      zip.readUInt16LE(p + 32),
      zip.readUInt32LE(p + 42),
    ];
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

function officialSchema(version: string): Schema {
  const path = join(
    require.resolve('@microsoft/app-manifest'),
    '..',
    'json-schemas',
    'teams',
    `v${version}`,
    'MicrosoftTeams.schema.json',
  );
  // Same clean-up the package applies to downloaded schemas (an invalid `\a` regex escape).
  return JSON.parse(readFileSync(path, 'utf8').replace(/\\a/g, '\\x07')) as Schema;
}

const validate = (manifest: object, version: string): Promise<string[]> =>
  AppManifestUtils.validateAgainstSchema(
    TeamsManifestConverter.jsonToManifest(JSON.stringify(manifest)),
    officialSchema(version),
  );

/** RGBA pixels of one of our PNGs (8-bit RGBA, filter 0 on every row, as encodePng writes them). */
function pixels(png: Buffer): { width: number; rgba: Buffer } {
  const { width, height } = readPngHeader(png);
  const idat: Buffer[] = [];
  for (let p = 8; p < png.length;) {
    const length = png.readUInt32BE(p);
    if (png.toString('ascii', p + 4, p + 8) === 'IDAT') idat.push(png.subarray(p + 8, p + 8 + length));
    p += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rows = Array.from({ length: height }, (_, y) => {
    assert.equal(raw[y * (width * 4 + 1)], 0, 'filter type');
    return raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  });
  return { width, rgba: Buffer.concat(rows) };
}

describe('Teams app package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kotae-manifest-'));

  it('builds a zip with manifest.json and both icons at the root', async () => {
    const out = await buildManifestPackage({ ...VALUES, version: '1.2.0', out: join(dir, 'nested', 'kotae.zip') });
    const entries = unzip(readFileSync(out));
    assert.deepEqual([...entries.keys()].sort(), ['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as Record<string, unknown>;
    assert.equal(manifest.id, APP_ID);
    assert.equal(manifest.version, '1.2.0');
    assert.deepEqual(manifest.validDomains, ['kotae.city.example.lg.jp']);
    const [bot] = manifest.bots as {
      botId: string;
      scopes: string[];
      commandLists: { commands: { title: string }[] }[];
    }[];
    assert.equal(bot.botId, BOT_ID);
    assert.deepEqual(bot.scopes, ['personal', 'team', 'groupChat']);
    assert.ok(bot.commandLists[0].commands.some((c) => c.title === 'パスワードを忘れた'));
    assert.ok(!JSON.stringify(manifest).includes('{{'));

    assert.deepEqual(readPngHeader(entries.get('color.png') as Buffer), {
      width: 192,
      height: 192,
      bitDepth: 8,
      colorType: 6,
    });
    assert.deepEqual(readPngHeader(entries.get('outline.png') as Buffer), {
      width: 32,
      height: 32,
      bitDepth: 8,
      colorType: 6,
    });
  });

  it('is byte-identical for identical inputs', async () => {
    const a = await buildManifestPackage({ ...VALUES, out: join(dir, 'a.zip') });
    const b = await buildManifestPackage({ ...VALUES, out: join(dir, 'b.zip') });
    assert.ok(readFileSync(a).equals(readFileSync(b)));
  });

  it('validates against the official Teams schema shipped in @microsoft/app-manifest', async () => {
    const manifest = renderManifest(VALUES);
    const version = String(manifest.manifestVersion);
    assert.equal(
      manifest.$schema,
      `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
    );
    assert.deepEqual(await validate(manifest, version), []);
    // The validator really checks: a broken manifest is reported.
    const broken = { ...manifest, name: { short: 'とても長い名前'.repeat(6) }, accentColor: 'blue' };
    assert.ok((await validate(broken, version)).length >= 2);
  });

  it('outline icon is white on transparent; colour icon is opaque (committed PNGs = generated ones)', () => {
    const outline = readFileSync(join(__dirname, '..', '..', '..', 'manifest', 'outline.png'));
    const color = readFileSync(join(__dirname, '..', '..', '..', 'manifest', 'color.png'));
    assert.ok(outline.equals(outlineIcon()) && color.equals(colorIcon()), 'run npx tsx manifest/build-icons.ts');
    const o = pixels(outline).rgba;
    let opaque = 0;
    for (let i = 0; i < o.length; i += 4) {
      if (o[i + 3] > 0) assert.deepEqual([o[i], o[i + 1], o[i + 2]], [255, 255, 255]);
      if (o[i + 3] === 255) opaque++;
    }
    assert.equal(o[3], 0, 'corner is transparent');
    assert.ok(opaque > 50, 'there is a drawing');
    const c = pixels(color).rgba;
    for (let i = 3; i < c.length; i += 4) assert.equal(c[i], 255);
  });

  it('rejects bad values with every problem in Japanese', () => {
    assert.throws(
      () => renderManifest({ appId: 'x', botId: 'y', domain: 'https://kotae/path', version: 'v1' }),
      (err: Error & { userMessage?: string }) => {
        assert.equal(err.userMessage?.split('\n').length, 4);
        return true;
      },
    );
  });

  it('runs as `kotae manifest --out <file.zip>` with defaults from the config', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    const code = await runManifestCommand(['--out', join(dir, 'cli.zip')], {
      ...io,
      defaults: { botId: BOT_ID, domain: 'kotae.example.lg.jp' },
    });
    assert.equal(code, 0, err.join('\n'));
    assert.match(out[0], /cli\.zip/);
    const manifest = JSON.parse(
      unzip(readFileSync(join(dir, 'cli.zip')))
        .get('manifest.json')
        ?.toString() ?? '{}',
    ) as { id: string };
    assert.equal(manifest.id, BOT_ID); // app id defaults to the bot id
    assert.equal(await runManifestCommand(['--out'], io), 2);
    assert.equal(await runManifestCommand(['--out', join(dir, 'x.zip')], io), 2);
    assert.equal(await runManifestCommand(['--out', join(dir, 'y.zip'), '--bot-id', 'nope', '--domain', 'a.b'], io), 2);
  });
});
