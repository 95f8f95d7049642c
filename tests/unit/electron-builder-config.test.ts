import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { electronSqliteFileName, PACKAGED_NATIVE_DIR } from '../../src-main/electron/nativeBinding';

// electron-builder.yml, checked without packaging (that would download Electron): parsed with the
// js-yaml electron-builder itself uses, and validated against electron-builder's own schema.

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface FileSet {
  from: string;
  to: string;
  filter: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  asarUnpack: string[];
  extraResources: FileSet[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; category: string; maintainer: string };
  win: { target: string[] };
  mac: { target: string[] };
}

const config = yaml.load(readFileSync(`${root}electron-builder.yml`, 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and packages the built bundles', () => {
    expect(config).toMatchObject({ appId: 'de.leitstand.app', productName: 'Leitstand' });
    expect(config.directories.output).toBe('dist');
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
  });

  it('ships the Electron SQLite binary where nativeBinding.ts looks for it', () => {
    const native = config.extraResources.find((set) => set.from === '.cache/electron-native');
    expect(native?.to).toBe(PACKAGED_NATIVE_DIR);
    const fileName = electronSqliteFileName('150', 'linux', 'x64');
    const matches = (pattern: string) =>
      new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`);
    expect(native?.filter.some((pattern) => matches(pattern).test(fileName))).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    // A rebuild would replace the addon with a build for the wrong runtime.
    expect(config.npmRebuild).toBe(false);
  });

  it('flips the Electron fuses that let code in past the app (checklist: fuses)', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds AppImage and deb, NSIS and DMG', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(['Office', 'Utility']).toContain(config.linux.category);
    expect(config.linux.maintainer).toMatch(/<[^@>]+@[^>]+>/);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('is preceded by the binary fetch in npm start and npm run dist', () => {
    const { scripts } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const name of ['start', 'dist']) {
      expect(scripts[name]?.startsWith('node scripts/fetch-electron-sqlite.mjs && ')).toBe(true);
    }
  });
});
