import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../src-main/api/registry';
import { createLeitstand, type Leitstand } from '../../src-main/app/createLeitstand';
import { plantIsEmpty } from '../../src-main/demo/load';
import { tempFolder } from '../support/tempDatabase';
import { filesOf, smallPlant } from './plant-import-support';

// First run through the whole application: the demo loads into an empty database, can be removed
// (its simulator stops), stays removed over a restart, and the empty plant then takes an import.

const silent = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
const desk: Caller = { transport: 'internal', access: 'write' };
let folder: ReturnType<typeof tempFolder>;
let app: Leitstand | null = null;

const start = () =>
  createLeitstand({
    dbPath: folder.file('plant.db'),
    logger: silent,
    partnerNotices: false,
    recommender: { mode: 'inline', autoRecompute: false },
  });

beforeEach(() => {
  folder = tempFolder();
});
afterEach(async () => {
  await app?.close();
  app = null;
  folder.remove();
});

describe('first run', () => {
  it('removes the demo for good and starts the own plant from an import', async () => {
    app = await start();
    expect(app.simulator?.isRunning).toBe(true);
    const removed = await app.call('plant.removeDemo', { confirm: true }, desk);
    expect(removed.ok).toBe(true);
    await app.demoRuntime?.settled();
    expect(app.simulator).toBeNull();
    expect(await plantIsEmpty(app.database)).toBe(true);
    await app.close();

    app = await start();
    expect(await plantIsEmpty(app.database)).toBe(true);
    expect(app.simulator).toBeNull();
    const files = filesOf(smallPlant()).map((file) => ({
      name: file.name,
      contentBase64: file.content.toString('base64'),
    }));
    const imported = await app.call('plantData.import', { files }, desk);
    expect(imported.ok && (imported.value as { committed: boolean }).committed).toBe(true);
    const overview = await app.call('plant.overview', {}, desk);
    expect(overview.ok && (overview.value as { site: { isDemo: boolean; name: string } }).site).toMatchObject(
      {
        isDemo: false,
        name: 'Werk Süd',
      },
    );
    expect(silent.error).not.toHaveBeenCalled();
  });
});
