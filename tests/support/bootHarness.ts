import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Drives tests/support/bootDriver.mjs in a child process: the built main bundle with the fake
// `electron` module. Every wait is for a message from the child, bounded by a deadline.

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
export const mainBundle = join(projectRoot, 'out', 'main', 'index.js');
export const preloadBundle = join(projectRoot, 'out', 'preload', 'index.cjs');

/** One call the fake recorded (see fakeElectron.mjs for the kinds). */
export interface FakeRecord {
  kind: string;
  [field: string]: unknown;
}

type DriverMessage =
  | { type: 'record'; record: FakeRecord }
  | { type: 'loaded' }
  | { type: 'exit'; code: number }
  | { type: 'reply'; id: number; result?: unknown; error?: string };

export interface BootOptions {
  userData: string;
  args?: string[];
  env?: Record<string, string>;
  deadlineMs?: number;
}

export function requireBuiltBundle(): void {
  if (!existsSync(mainBundle) || !existsSync(preloadBundle)) {
    throw new Error(
      `The boot test runs the built app: ${mainBundle} is missing. Run \`npm run build\` (npm test does).`,
    );
  }
  if (statSync(mainBundle).mtimeMs < statSync(join(projectRoot, 'src-main', 'electron', 'main.ts')).mtimeMs) {
    console.warn(
      '[boot test] out/main/index.js is older than src-main/electron/main.ts; run `npm run build`.',
    );
  }
}

export class BootedApp {
  readonly records: FakeRecord[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();
  private readonly replies = new Map<number, (message: DriverMessage & { type: 'reply' }) => void>();
  private nextId = 1;
  private stderr = '';
  private stdout = '';
  private exitCode: number | null | undefined;
  private readonly deadlineMs: number;

  constructor({ userData, args = [], env = {}, deadlineMs = 15_000 }: BootOptions) {
    this.deadlineMs = deadlineMs;
    this.child = fork(join(projectRoot, 'tests', 'support', 'bootDriver.mjs'), args, {
      cwd: projectRoot,
      env: {
        ...process.env,
        // Never a real dev server: the bundle must load its built renderer.
        ELECTRON_RENDERER_URL: '',
        FAKE_ELECTRON_MAIN: mainBundle,
        FAKE_ELECTRON_USER_DATA: userData,
        FAKE_ELECTRON_APP_PATH: projectRoot,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString();
      this.notify();
    });
    this.child.on('message', (raw) => this.receive(raw as DriverMessage));
    this.exited = new Promise((done) => {
      this.child.on('exit', (code) => {
        this.exitCode = code;
        done(code);
        this.notify();
      });
    });
  }

  private receive(message: DriverMessage): void {
    if (message.type === 'record') this.records.push(message.record);
    if (message.type === 'reply') this.replies.get(message.id)?.(message);
    this.notify();
  }

  private notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves with the first record (already seen or still to come) that matches. */
  waitFor(kind: string, match: (record: FakeRecord) => boolean = () => true): Promise<FakeRecord> {
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        const found = this.records.find((record) => record.kind === kind && match(record));
        if (found) {
          finish();
          resolvePromise(found);
        } else if (this.exitCode !== undefined) {
          finish();
          reject(new Error(`the app exited (${this.exitCode}) before "${kind}".${this.describe()}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no "${kind}" within ${this.deadlineMs} ms.${this.describe()}`));
      }, this.deadlineMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Resolves when the app has printed a line matching `pattern` (its own log, e.g. a server URL). */
  waitForOutput(pattern: RegExp): Promise<RegExpExecArray> {
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        const found = pattern.exec(this.stdout);
        if (found) {
          finish();
          resolvePromise(found);
        } else if (this.exitCode !== undefined) {
          finish();
          reject(
            new Error(`the app exited (${this.exitCode}) before printing ${pattern}.${this.describe()}`),
          );
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no output matching ${pattern} within ${this.deadlineMs} ms.${this.describe()}`));
      }, this.deadlineMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Asks the driver to poke one of the recorded handlers (see `probes` in bootDriver.mjs). */
  probe<T = unknown>(op: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.replies.delete(id);
        reject(new Error(`probe "${op}" got no answer within ${this.deadlineMs} ms.${this.describe()}`));
      }, this.deadlineMs);
      this.replies.set(id, (reply) => {
        clearTimeout(timer);
        this.replies.delete(id);
        if (reply.error) reject(new Error(`probe "${op}" failed in the app: ${reply.error}`));
        else resolvePromise(reply.result as T);
      });
      this.child.send({ id, op, params });
    });
  }

  /** Resolves with the exit code, or rejects when the process outlives the deadline. */
  async exit(): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the app did not exit within ${this.deadlineMs} ms.${this.describe()}`)),
        this.deadlineMs,
      );
    });
    try {
      return await Promise.race([this.exited, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  kill(): void {
    if (this.exitCode === undefined) this.child.kill('SIGKILL');
  }

  describe(): string {
    const kinds = this.records.map((record) => record.kind).join(', ');
    return `\n  recorded: ${kinds || '(nothing)'}\n  stderr: ${this.stderr.slice(-2000) || '(empty)'}`;
  }
}
