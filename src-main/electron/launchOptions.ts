// Command-line switches of the desktop app. Parsed from argv by hand: Chromium's own switch
// parser only knows `--name=value`, and people type `--speed 60`.

export interface LaunchOptions {
  /** Simulated minutes per real minute for the demo plant. */
  speed?: number;
  /** Start with an empty plant instead of the demo. */
  empty: boolean;
  /** Serve the wall (viewer links) over HTTP on this loopback port; off when absent. */
  wallPort?: number;
  /** Switches that were given but unusable; reported, then ignored. */
  problems: string[];
}

export const MAX_SPEED = 3600;

/** `--name N` or `--name=N`: the raw value, and the index to continue from. */
function switchValue(argv: readonly string[], index: number, name: string): [string | undefined, number] {
  const arg = argv[index]!;
  return arg === name ? [argv[index + 1], index + 1] : [arg.slice(name.length + 1), index];
}

export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  const options: LaunchOptions = { empty: false, problems: [] };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--empty') {
      options.empty = true;
    } else if (arg === '--speed' || arg.startsWith('--speed=')) {
      const raw = arg === '--speed' ? argv[++index] : arg.slice('--speed='.length);
      const speed = Number(raw);
      if (
        raw !== undefined &&
        raw.trim() !== '' &&
        Number.isFinite(speed) &&
        speed > 0 &&
        speed <= MAX_SPEED
      ) {
        options.speed = speed;
      } else {
        options.problems.push(`--speed needs a number above 0 and at most ${MAX_SPEED}, got "${raw ?? ''}"`);
      }
    } else if (arg === '--wall-port' || arg.startsWith('--wall-port=')) {
      const [raw, next] = switchValue(argv, index, '--wall-port');
      index = next;
      const port = Number(raw);
      if (raw !== undefined && /^\d+$/.test(raw) && port >= 1 && port <= 65535) options.wallPort = port;
      else options.problems.push(`--wall-port needs a port from 1 to 65535, got "${raw ?? ''}"`);
    }
  }
  return options;
}
