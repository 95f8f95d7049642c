import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronSqliteFileName } from '../../src-main/electron/nativeBinding';
import { tempFolder } from '../support/tempDatabase';

// scripts/fetch-electron-sqlite.mjs end to end, without the internet: prebuild-install is pointed
// at a local server (npm_config_better_sqlite3_binary_host) that serves a release archive.

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const script = join(root, 'scripts', 'fetch-electron-sqlite.mjs');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { version: string };
const electronVersion = readJson(join(root, 'node_modules', 'electron', 'package.json')).version;
const sqliteVersion = readJson(join(root, 'node_modules', 'better-sqlite3', 'package.json')).version;
const abi = readFileSync(join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
const { platform, arch } = process;
const archiveName = `better-sqlite3-v${sqliteVersion}-electron-v${abi}-${platform}-${arch}.tar.gz`;
const binaryName = electronSqliteFileName(abi, platform, arch);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

describe('scripts/fetch-electron-sqlite.mjs', () => {
  const folder = tempFolder('leitstand-fetch-');
  const requests: string[] = [];
  let server: Server;
  let host: string;
  let archive: Buffer;

  beforeAll(async () => {
    // A release archive laid out like the real one; the Node build stands in for the Electron one.
    const staging = folder.file('staging');
    mkdirSync(join(staging, 'build', 'Release'), { recursive: true });
    copyFileSync(
      join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
      join(staging, 'build', 'Release', 'better_sqlite3.node'),
    );
    await run('tar', [
      '-czf',
      folder.file('archive.tar.gz'),
      '-C',
      staging,
      'build/Release/better_sqlite3.node',
    ]);
    archive = readFileSync(folder.file('archive.tar.gz'));
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      if (request.url === `/v${sqliteVersion}/${archiveName}`) response.end(archive);
      else response.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((done) => server?.close(done));
    folder.remove();
  });

  async function fetchInto(out: string, binaryHost: string): Promise<Outcome> {
    const env = {
      ...process.env,
      npm_config_better_sqlite3_binary_host: binaryHost,
      // A private download cache: nothing from an earlier run (or the user's cache) may answer.
      npm_config_cache: folder.file(`npm-cache-${requests.length}-${Date.now()}`),
    };
    try {
      const { stdout, stderr } = await run(process.execPath, [script, '--out', out], { env, cwd: root });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('downloads the Electron build for the installed Electron and stores it under the expected name', async () => {
    const out = folder.file('native-ok');
    const outcome = await fetchInto(out, host);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(requests).toContain(`/v${sqliteVersion}/${archiveName}`);
    const stored = join(out, binaryName);
    expect(
      readFileSync(stored).equals(
        readFileSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')),
      ),
    ).toBe(true);
    expect(existsSync(`${stored}.partial`)).toBe(false);
    expect(outcome.stdout).toContain(`Electron ${electronVersion}`);
  });

  it('does nothing when the binary is already there', async () => {
    const out = folder.file('native-present');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, binaryName), 'already here');
    const before = requests.length;
    const outcome = await fetchInto(out, host);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('is present');
    expect(requests.length).toBe(before);
    expect(readFileSync(join(out, binaryName), 'utf8')).toBe('already here');
  });

  it('fails with a message that says what to do when the download fails', async () => {
    const out = folder.file('native-offline');
    // Nothing listens on port 9 (discard) locally: the connection is refused, as when offline.
    const outcome = await fetchInto(out, 'http://127.0.0.1:9');
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(
      `Could not download better-sqlite3 ${sqliteVersion} built for Electron ${electronVersion}`,
    );
    expect(outcome.stderr).toContain('What to do');
    expect(outcome.stderr).toContain(join(out, binaryName));
    expect(existsSync(join(out, binaryName))).toBe(false);
  });

  it('refuses an archive that holds no native library', async () => {
    const badStaging = folder.file('bad-staging');
    mkdirSync(join(badStaging, 'build', 'Release'), { recursive: true });
    writeFileSync(join(badStaging, 'build', 'Release', 'better_sqlite3.node'), '<html>captive portal</html>');
    await run('tar', [
      '-czf',
      folder.file('bad.tar.gz'),
      '-C',
      badStaging,
      'build/Release/better_sqlite3.node',
    ]);
    const bad = readFileSync(folder.file('bad.tar.gz'));
    const badServer = createServer((_request, response) => response.end(bad));
    await new Promise<void>((done) => badServer.listen(0, '127.0.0.1', done));
    try {
      const out = folder.file('native-bad');
      const outcome = await fetchInto(out, `http://127.0.0.1:${(badServer.address() as AddressInfo).port}`);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain('not a native library');
      expect(existsSync(join(out, binaryName))).toBe(false);
    } finally {
      await new Promise((done) => badServer.close(done));
    }
  });
});
