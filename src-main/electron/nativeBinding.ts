import { existsSync } from 'node:fs';
import { join } from 'node:path';

// better-sqlite3 is a native addon: the build in node_modules matches Node (tests, `serve`), but
// Electron has its own ABI. scripts/fetch-electron-sqlite.mjs fetches the Electron build into
// .cache/electron-native, and electron-builder copies it to <resources>/native. Keep the file
// name here in step with that script.

export const DEV_NATIVE_DIR = join('.cache', 'electron-native');
export const PACKAGED_NATIVE_DIR = 'native';

export function electronSqliteFileName(abi: string, platform: string, arch: string): string {
  return `better_sqlite3-electron-v${abi}-${platform}-${arch}.node`;
}

export interface NativeBindingSite {
  versions: { electron?: string | undefined; modules: string };
  platform: string;
  arch: string;
  isPackaged: boolean;
  /** app.getAppPath(): the project root when run from source. */
  appPath: string;
  /** process.resourcesPath inside a packaged app. */
  resourcesPath: string | undefined;
  exists?: (path: string) => boolean;
}

export class NativeBindingMissingError extends Error {
  constructor(
    readonly path: string,
    readonly isPackaged: boolean,
  ) {
    super(
      isPackaged
        ? `The SQLite engine for this Electron version is missing from the installation (${path}). Reinstall Leitstand.`
        : `The SQLite engine built for Electron is missing (${path}). Run \`node scripts/fetch-electron-sqlite.mjs\` (npm start does this) and start again.`,
    );
    this.name = 'NativeBindingMissingError';
  }
}

/**
 * The better-sqlite3 binary to load, or undefined under plain Node (the boot test, `serve`),
 * where the node_modules build is the right one.
 */
export function resolveNativeBinding(site: NativeBindingSite): string | undefined {
  if (!site.versions.electron) return undefined;
  const file = electronSqliteFileName(site.versions.modules, site.platform, site.arch);
  const path =
    site.isPackaged && site.resourcesPath
      ? join(site.resourcesPath, PACKAGED_NATIVE_DIR, file)
      : join(site.appPath, DEV_NATIVE_DIR, file);
  if (!(site.exists ?? existsSync)(path)) throw new NativeBindingMissingError(path, site.isPackaged);
  return path;
}
