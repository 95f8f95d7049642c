import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  electronSqliteFileName,
  NativeBindingMissingError,
  type NativeBindingSite,
  resolveNativeBinding,
} from '../../src-main/electron/nativeBinding';

const electron = (overrides: Partial<NativeBindingSite> = {}): NativeBindingSite => ({
  versions: { electron: '45.5.0', modules: '150' },
  platform: 'linux',
  arch: 'x64',
  isPackaged: false,
  appPath: '/src/leitstand',
  resourcesPath: '/opt/Leitstand/resources',
  exists: () => true,
  ...overrides,
});

describe('resolveNativeBinding', () => {
  it('leaves plain Node on the node_modules build', () => {
    expect(resolveNativeBinding({ ...electron(), versions: process.versions })).toBeUndefined();
    expect(
      resolveNativeBinding(electron({ versions: { modules: '115' }, exists: () => false })),
    ).toBeUndefined();
  });

  it('names the binary by ABI, platform and arch', () => {
    expect(electronSqliteFileName('150', 'win32', 'arm64')).toBe(
      'better_sqlite3-electron-v150-win32-arm64.node',
    );
  });

  it('finds the fetched binary in the project cache when run from source', () => {
    expect(resolveNativeBinding(electron())).toBe(
      join('/src/leitstand', '.cache', 'electron-native', 'better_sqlite3-electron-v150-linux-x64.node'),
    );
  });

  it('finds the shipped binary in resources/native when packaged', () => {
    expect(resolveNativeBinding(electron({ isPackaged: true, platform: 'darwin', arch: 'arm64' }))).toBe(
      join('/opt/Leitstand/resources', 'native', 'better_sqlite3-electron-v150-darwin-arm64.node'),
    );
  });

  it('says what to do when the binary is missing', () => {
    const fromSource = () => resolveNativeBinding(electron({ exists: () => false }));
    expect(fromSource).toThrow(NativeBindingMissingError);
    expect(fromSource).toThrow(/fetch-electron-sqlite\.mjs/);
    expect(() => resolveNativeBinding(electron({ isPackaged: true, exists: () => false }))).toThrow(
      /Reinstall/,
    );
  });
});
