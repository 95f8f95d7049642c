import { type ChildProcess, spawn } from 'node:child_process';
import { type AddressInfo, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

// The built server (`out/main/serve.js`, next to bench.js) in a child process, for the benches
// that measure it from outside: started on a port of their choosing, ready once it says so.

export const SERVE_SCRIPT = fileURLToPath(new URL('./serve.js', import.meta.url));

export interface ServeOptions {
  /** The bench's name, for the error messages. */
  bench: string;
  /** Arguments after serve.js (`--db …` and the rest). */
  args: readonly string[];
  port: number;
  /** Node's own flags, before serve.js. */
  nodeArgs?: readonly string[];
}

export interface ServeProcess {
  child: ChildProcess;
  /** What the server printed up to its "is serving" line. */
  output: string;
}

/**
 * Spawns serve.js and resolves when it prints that it is serving (it listens by then); a server
 * that exits first or stays silent for a minute fails the bench, and is killed.
 */
export async function startServeProcess(options: ServeOptions): Promise<ServeProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVE_SCRIPT, ...options.args], {
    env: { ...process.env, PORT: String(options.port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const output = await serving(child, options.bench, 60_000);
    return { child, output };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

function serving(child: ChildProcess, bench: string, timeoutMs: number): Promise<string> {
  return new Promise((done, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`bench ${bench}: the server did not start`)), timeoutMs);
    child.once('exit', (code) => fail(new Error(`bench ${bench}: the server exited (${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is serving')) {
        clearTimeout(timer);
        child.stdout?.resume();
        done(output);
      }
    });
  });
}

/** SIGTERM, and SIGKILL if the server has not exited after `killAfterMs`. */
export async function stopChild(child: ChildProcess, killAfterMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  await exited;
  clearTimeout(timer);
}

/**
 * A port nobody listens on right now, from the system (a random pick in the high range can hit a
 * port a client connection holds as its local end: EADDRINUSE).
 */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
