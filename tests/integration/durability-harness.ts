import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { projectRoot } from '../support/bootHarness';

// The built server (out/main/serve.js) as the plant runs it, for the kill -9 tests: started on a
// database file, reached over its HTTP API, its event stream and its ingest port, and killed
// without any chance to clean up.

export const serveBundle = join(projectRoot, 'out', 'main', 'serve.js');

export function requireServeBundle(): void {
  if (!existsSync(serveBundle)) {
    throw new Error(
      `The durability tests run the built server: ${serveBundle} is missing. Run \`npm run build\`.`,
    );
  }
}

export interface RunningServe {
  child: ChildProcess;
  /** http://127.0.0.1:PORT */
  base: string;
  /** Calls a procedure; answers the parsed {ok,…} body. */
  call(
    name: string,
    input: unknown,
  ): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  /** kill -9, and waits until the process is gone. */
  kill9(): Promise<void>;
  output(): string;
}

export const agent = new Agent({ keepAlive: true, maxSockets: 16 });

export function httpRequest(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method, headers: options.headers ?? {}, agent },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Starts serve.js on `dbPath` (API and ingest on free ports) and waits until it is serving. */
export async function startServe(dbPath: string, args: readonly string[] = []): Promise<RunningServe> {
  const child = spawn(
    process.execPath,
    [serveBundle, '--db', dbPath, '--port', '0', '--ingest-port', '0', ...args],
    {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start within 30 s:\n${output}`)), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before serving:\n${output}`));
    });
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      const match = /is serving (http:\/\/[^/\s]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return {
    child,
    base,
    async call(name, input) {
      const answer = await httpRequest(`${base}/api/call/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return JSON.parse(answer.body);
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    output: () => output,
  };
}

/** Opens /api/events and calls `onEvent` for each event; `opened` once the stream is connected. */
export function followEvents(
  base: string,
  onEvent: (name: string, payload: unknown) => void,
): { opened: Promise<void>; ended: Promise<void> } {
  let markOpen = () => {};
  const opened = new Promise<void>((resolve) => {
    markOpen = resolve;
  });
  const ended = new Promise<void>((resolve) => {
    const req = request(`${base}/api/events`, { method: 'GET' }, (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        markOpen();
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) onEvent(event, JSON.parse(data));
          end = buffer.indexOf('\n\n');
        }
      });
      response.on('end', () => resolve());
      response.on('error', () => resolve());
      response.on('close', () => resolve());
    });
    req.on('error', () => resolve());
    req.end();
  });
  return { opened: Promise.race([opened, ended]), ended };
}
