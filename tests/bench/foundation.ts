import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { freePort, SERVE_SCRIPT } from './serveProcess';
import { type BenchFigure, percentile } from './table';

// Issue 2's figures: server start to first health answer, API round trip, demo database size.

async function waitForHealth(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet: poll again right away; the measurement wants the first answer.
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`no health answer from ${url}`);
}

/** Starts `serve` on a database and measures spawn → first 200 from /api/health. */
async function timeStart(dbPath: string, port: number) {
  const started = performance.now();
  const child = spawn(process.execPath, [SERVE_SCRIPT, '--db', dbPath], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // What the server said on stderr, so a start that fails says why.
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHealth(url, Date.now() + 30_000);
    return { ms: performance.now() - started, url, child };
  } catch (error) {
    child.kill('SIGKILL');
    const exit = child.exitCode === null ? 'still running' : `exited with ${child.exitCode}`;
    throw new Error(`${(error as Error).message} (server ${exit}); its stderr:\n${stderr || '(nothing)'}`);
  }
}

async function stop(child: ReturnType<typeof spawn>) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export async function foundationBench(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'leitstand-bench-'));
  const figures: BenchFigure[] = [];
  try {
    // First start: an empty file, so the demo plant is generated and loaded.
    const fresh = join(dir, 'fresh.db');
    const first = await timeStart(fresh, await freePort());
    await stop(first.child);
    const demoCopy = join(dir, 'demo.db');
    copyFileSync(fresh, demoCopy);

    const startTimes: number[] = [];
    let running: Awaited<ReturnType<typeof timeStart>> | null = null;
    for (let i = 0; i < 3; i += 1) {
      running = await timeStart(demoCopy, await freePort());
      startTimes.push(running.ms);
      if (i < 2) await stop(running.child);
    }
    figures.push({
      area: 'foundation',
      name: 'server start → first /api/health (demo database, median of 3)',
      value: startTimes.sort((a, b) => a - b)[1]!,
      unit: 'ms',
      target: { value: 2000, direction: 'lower' },
      baseline: { name: 'first start with demo generation', value: first.ms },
    });

    const { url, child } = running!;
    const list = (body: unknown) =>
      fetch(`${url}api/call/deliveries.list`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    const health = () => fetch(`${url}api/health`).then((r) => r.json());
    for (let i = 0; i < 50; i += 1) await list({ limit: 100 });
    const listTimes: number[] = [];
    const healthTimes: number[] = [];
    for (let i = 0; i < 500; i += 1) {
      let t0 = performance.now();
      await list({ limit: 100, offset: (i * 7) % 200 });
      listTimes.push(performance.now() - t0);
      t0 = performance.now();
      await health();
      healthTimes.push(performance.now() - t0);
    }
    listTimes.sort((a, b) => a - b);
    healthTimes.sort((a, b) => a - b);
    const healthP50 = percentile(healthTimes, 50);
    figures.push(
      {
        area: 'foundation',
        name: 'HTTP round trip deliveries.list (100 rows) p50',
        value: percentile(listTimes, 50),
        unit: 'ms',
        baseline: { name: 'bare /api/health p50', value: healthP50 },
      },
      {
        area: 'foundation',
        name: 'HTTP round trip deliveries.list (100 rows) p99',
        value: percentile(listTimes, 99),
        unit: 'ms',
        target: { value: 20, direction: 'lower' },
        baseline: { name: 'bare /api/health p50', value: healthP50 },
      },
    );
    await stop(child);

    figures.push({
      area: 'foundation',
      name: 'demo database size',
      value: statSync(demoCopy).size / 1024 / 1024,
      unit: 'MiB',
    });
    const sqlite = new BetterSqlite3(demoCopy, { readonly: true });
    const tables = sqlite
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name",
      )
      .all() as { name: string }[];
    for (const { name } of tables) {
      const { n } = sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number };
      if (n > 0) figures.push({ area: 'demo rows', name, value: n, unit: 'rows' });
    }
    sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
