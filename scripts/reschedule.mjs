#!/usr/bin/env node
// `npm run reschedule -- INSTANCE.json [--time-limit-ms N] [--exact | --evaluate SCHEDULE.json]`
//
// Runs the built command line (out/main/reschedule.js). When the bundle is missing or older than
// the sources it is built first; the build's own output goes to stderr, so stdout stays the
// command's JSON and can be piped. (`npm run -s` also keeps npm's banner off stdout.)

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'out', 'main', 'reschedule.js');

/** Newest modification time among the main bundle's inputs. */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
    } else if (/\.(ts|tsx|mts|js|mjs|json)$/.test(path)) newest = Math.max(newest, stat.mtimeMs);
  };
  for (const input of ['src-main', 'electron.vite.config.ts', 'package.json', 'tsconfig.json'])
    visit(join(root, input));
  return newest;
}

if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource()) {
  process.stderr.write('reschedule: the main bundle is missing or older than the sources; building it…\n');
  const build = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    // The build's stdout goes to our stderr: stdout is reserved for the command's JSON.
    stdio: ['ignore', process.stderr, 'inherit'],
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) {
    process.stderr.write(`reschedule: the build failed (exit code ${build.status ?? build.signal})\n`);
    process.exit(1);
  }
}

const run = spawnSync(process.execPath, [bundle, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
