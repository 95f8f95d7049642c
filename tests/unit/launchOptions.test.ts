import { describe, expect, it } from 'vitest';
import { MAX_SPEED, parseLaunchOptions } from '../../src-main/electron/launchOptions';

describe('parseLaunchOptions', () => {
  it('defaults to the demo plant at real time', () => {
    expect(parseLaunchOptions(['/usr/bin/leitstand'])).toEqual({ empty: false, problems: [] });
  });

  it('reads --speed N, --speed=N and --empty among Electron’s own arguments', () => {
    expect(parseLaunchOptions(['electron', '.', '--speed', '60', '--empty'])).toEqual({
      speed: 60,
      empty: true,
      problems: [],
    });
    expect(parseLaunchOptions(['leitstand', '--no-sandbox', '--speed=2.5']).speed).toBe(2.5);
  });

  it('ignores an unusable speed, saying why', () => {
    for (const argv of [
      ['--speed'],
      ['--speed', 'fast'],
      ['--speed=0'],
      ['--speed', '-5'],
      ['--speed='],
      ['--speed', String(MAX_SPEED + 1)],
    ]) {
      const options = parseLaunchOptions(argv);
      expect(options.speed, argv.join(' ')).toBeUndefined();
      expect(options.problems).toHaveLength(1);
    }
  });

  it('reads --wall-port N (off without it) and ignores an unusable port, saying why', () => {
    expect(parseLaunchOptions(['leitstand', '--wall-port', '4870']).wallPort).toBe(4870);
    expect(parseLaunchOptions(['leitstand', '--wall-port=4871', '--empty'])).toEqual({
      wallPort: 4871,
      empty: true,
      problems: [],
    });
    for (const argv of [['--wall-port'], ['--wall-port', '0'], ['--wall-port=70000'], ['--wall-port', 'x']]) {
      const options = parseLaunchOptions(argv);
      expect(options.wallPort, argv.join(' ')).toBeUndefined();
      expect(options.problems).toHaveLength(1);
    }
  });
});
