import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export interface ServeOptions {
  dbPath: string;
  port: number;
  host: string;
  speed: number;
  empty: boolean;
  seed?: number;
  /** The partner ingest server: off with --no-ingest; port and host override the stored settings. */
  ingest: boolean;
  ingestPort?: number;
  ingestHost?: string;
}

/** Where the desktop app keeps its data (Electron's userData for the product "Leitstand"). */
export function userDataFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Leitstand');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Leitstand');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Leitstand');
}

const number = (flag: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${flag} needs a number` })
    .min(min, `${flag} must be at least ${min}`)
    .max(max, `${flag} must be at most ${max}`);

/**
 * `serve [--db PATH] [--speed N] [--empty] [--seed N] [--host H]`, with PORT and LEITSTAND_DB
 * from the environment. Throws an Error whose message says which argument is wrong.
 */
export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}".`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (name === 'empty' || name === 'no-ingest') flags.set(name, true);
    else if (['db', 'speed', 'seed', 'host', 'port', 'ingest-port', 'ingest-host'].includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value.`);
      flags.set(name, value);
    } else
      throw new Error(
        `Unknown option --${name}. Options: --db PATH, --speed N, --seed N, --empty, --host H, --port N, --ingest-port N, --ingest-host H, --no-ingest.`,
      );
  }
  const text = (name: string) => {
    const value = flags.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const host = text('host') ?? '127.0.0.1';
  return {
    dbPath: text('db') ?? env.LEITSTAND_DB ?? join(userDataFolder(env), 'serve.db'),
    port: number('PORT', 0, 65535).parse(text('port') ?? env.PORT ?? 4870),
    host,
    speed: number('--speed', 0.1, 10_000).parse(text('speed') ?? 1),
    empty: flags.get('empty') === true,
    ingest: flags.get('no-ingest') !== true,
    ...(text('ingest-port') !== undefined
      ? {
          ingestPort: number('--ingest-port', 0, 65535).int().parse(text('ingest-port')),
        }
      : {}),
    ...(text('ingest-host') !== undefined ? { ingestHost: text('ingest-host') } : {}),
    ...(text('seed') !== undefined
      ? {
          seed: number('--seed', 0, 2 ** 31)
            .int()
            .parse(text('seed')),
        }
      : {}),
  };
}
