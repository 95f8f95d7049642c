import type { Migration, MigrationProvider } from 'kysely';

// Static migration provider: Vite inlines every migration module at build time, so the bundled
// app never reads .ts files from disk (Kysely's FileMigrationProvider cannot load them).
const modules = import.meta.glob<Migration>('./[0-9][0-9][0-9][0-9]_*.ts', { eager: true });

export const migrations: Record<string, Migration> = Object.fromEntries(
  Object.entries(modules).map(([path, module]) => [path.replace(/^.*\/|\.ts$/g, ''), module]),
);

/** The schema version this build writes: the number of the newest migration. */
export const LATEST_SCHEMA_VERSION = Math.max(
  0,
  ...Object.keys(migrations).map((name) => Number.parseInt(name.slice(0, 4), 10)),
);

export const staticMigrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
