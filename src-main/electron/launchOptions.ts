// Command-line switches of the desktop app. Parsed from argv by hand: Chromium's own switch
// parser only knows `--name=value`, and people type `--speed 60`.

export interface LaunchOptions {
  /** Simulated minutes per real minute for the demo plant. */
  speed?: number;
  /** Start with an empty plant instead of the demo. */
  empty: boolean;
  /** Switches that were given but unusable; reported, then ignored. */
  problems: string[];
}

export const MAX_SPEED = 3600;

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
    }
  }
  return options;
}
