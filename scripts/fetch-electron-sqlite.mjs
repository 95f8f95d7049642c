#!/usr/bin/env node
// Fetches better-sqlite3's prebuilt binary for the installed Electron into
// .cache/electron-native/better_sqlite3-electron-v<abi>-<platform>-<arch>.node
// (the name src-main/electron/nativeBinding.ts looks for).
//
// Why not @electron/rebuild: here it silently produces a Node build. node_modules keeps the Node
// build (tests, `npm run serve`); Electron loads this file through better-sqlite3's
// `nativeBinding` option. Run by `npm start` and `npm run dist`; does nothing when the file exists.
//
//   node scripts/fetch-electron-sqlite.mjs [--platform linux] [--arch x64] [--out <dir>] [--force]

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    platform: { type: 'string', default: process.platform },
    arch: { type: 'string', default: process.arch },
    out: { type: 'string', default: join(root, '.cache', 'electron-native') },
    force: { type: 'boolean', default: false },
  },
});

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** Stops the script with a message for a person; cleanup in `finally` still runs. */
class Refusal extends Error {
  constructor(lines) {
    super(lines.join('\n  '));
  }
}
function fail(lines) {
  throw new Refusal(lines);
}
process.on('uncaughtException', (error) => {
  console.error(`\n[fetch-electron-sqlite] ${error instanceof Refusal ? error.message : error.stack}\n`);
  process.exit(1);
});

const electronDir = join(root, 'node_modules', 'electron');
const sqliteDir = join(root, 'node_modules', 'better-sqlite3');
if (!existsSync(join(electronDir, 'package.json')) || !existsSync(join(sqliteDir, 'package.json'))) {
  fail(['electron or better-sqlite3 is not installed. Run `npm ci` first.']);
}
const electronVersion = readJson(join(electronDir, 'package.json')).version;
const sqliteVersion = readJson(join(sqliteDir, 'package.json')).version;
const requireFromSqlite = createRequire(join(sqliteDir, 'package.json'));
// Electron ships its ABI number; node-abi (what prebuild-install itself uses) is the fallback.
const abiFile = join(electronDir, 'abi_version');
const abi = existsSync(abiFile)
  ? readFileSync(abiFile, 'utf8').trim()
  : createRequire(requireFromSqlite.resolve('prebuild-install/package.json'))('node-abi').getAbi(
      electronVersion,
      'electron',
    );

const { platform, arch } = args;
const fileName = `better_sqlite3-electron-v${abi}-${platform}-${arch}.node`;
const target = resolve(args.out, fileName);
const shown = relative(process.cwd(), target) || target;

if (existsSync(target) && !args.force) {
  console.log(`[fetch-electron-sqlite] ${shown} is present (Electron ${electronVersion}, ABI ${abi}).`);
  process.exit(0);
}

/** A downloaded file that is not a native library for the platform is worse than none. */
function looksNative(path) {
  const head = readFileSync(path).subarray(0, 4);
  if (platform === 'linux') return head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
  if (platform === 'win32') return head[0] === 0x4d && head[1] === 0x5a;
  if (platform === 'darwin')
    return [0xfeedfacf, 0xcffaedfe, 0xcafebabe, 0xbebafeca].includes(head.readUInt32BE(0));
  return head.length === 4;
}

// prebuild-install reads package.json in the current folder and unpacks the archive there
// (build/Release/better_sqlite3.node): a temporary copy keeps node_modules' Node build intact.
const work = mkdtempSync(join(tmpdir(), 'leitstand-electron-sqlite-'));
try {
  copyFileSync(join(sqliteDir, 'package.json'), join(work, 'package.json'));
  const env = { ...process.env };
  // When run from an npm script these would make prebuild-install skip the download.
  for (const name of ['npm_config_build_from_source', 'npm_package_from', 'npm_package_resolved']) {
    delete env[name];
  }
  console.log(
    `[fetch-electron-sqlite] fetching better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (ABI ${abi}, ${platform}-${arch}) …`,
  );
  const run = spawnSync(
    process.execPath,
    [
      requireFromSqlite.resolve('prebuild-install/bin.js'),
      '--runtime',
      'electron',
      '--target',
      electronVersion,
      '--arch',
      arch,
      '--platform',
      platform,
      '--verbose',
    ],
    { cwd: work, env, encoding: 'utf8', timeout: 5 * 60_000 },
  );
  const unpacked = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (run.status !== 0 || !existsSync(unpacked)) {
    const said = `${run.stderr ?? ''}\n${run.stdout ?? ''}`
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /warn|err|http|fail/i.test(line))
      .slice(-6);
    const archive = `better-sqlite3-v${sqliteVersion}-electron-v${abi}-${platform}-${arch}.tar.gz`;
    fail([
      `Could not download better-sqlite3 ${sqliteVersion} built for Electron ${electronVersion} (ABI ${abi}, ${platform}-${arch}).`,
      ...(run.error ? [`error: ${run.error.message}`] : []),
      ...said.map((line) => `prebuild-install: ${line}`),
      '',
      'The desktop app needs this file to open its database; tests and `npm run serve` do not.',
      'What to do:',
      '  - When offline or behind a proxy: connect (or set HTTPS_PROXY) and run `node scripts/fetch-electron-sqlite.mjs` again.',
      '  - With a mirror of the GitHub releases: set npm_config_better_sqlite3_binary_host=<mirror URL> and run it again.',
      `  - By hand: on a connected machine download ${archive}`,
      `    from https://github.com/WiseLibs/better-sqlite3/releases/tag/v${sqliteVersion},`,
      `    and save the build/Release/better_sqlite3.node inside it as ${target}`,
    ]);
  }
  if (!looksNative(unpacked)) {
    fail([`The downloaded file is not a native library for ${platform}; nothing was installed.`]);
  }
  mkdirSync(dirname(target), { recursive: true });
  // Copy next to the target, then rename: a crash never leaves half a binary under the real name.
  const partial = `${target}.partial`;
  copyFileSync(unpacked, partial);
  renameSync(partial, target);
  console.log(`[fetch-electron-sqlite] installed ${shown}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
