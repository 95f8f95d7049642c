// Starts the built server on a brand-new database in a temp folder, so every browser-test run
// begins with the same freshly generated demo plant. The plant clock runs in real time, so what a
// test sets up (a predicted stoppage, a late truck) stays put while it looks. Removed at the end.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = process.argv[2] ?? '4871';
// --empty: a database without the demo plant, so the app opens on the first-run screen.
const empty = process.argv.slice(3).includes('--empty') ? ['--empty'] : [];
const dir = mkdtempSync(join(tmpdir(), 'leitstand-e2e-'));
const child = spawn(
  process.execPath,
  ['out/main/serve.js', '--db', join(dir, 'e2e.db'), '--speed', '1', '--no-ingest', ...empty],
  {
    env: { ...process.env, PORT: port },
    stdio: 'inherit',
  },
);
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
