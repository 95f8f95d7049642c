import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { procedures } from '../../src-main/api/procedures/index';
import { type Caller, callProcedure } from '../../src-main/api/registry';
import { importPlantFiles } from '../../src-main/imports/plant/plantImport';
import { readIngestSettings } from '../../src-main/ingest/ingestSettings';
import type { Settings } from '../../src-main/services/settings/settingsSchema';
import { loadFixturePlant } from '../support/fixturePlant';
import { testContext } from '../support/testContext';
import { csv, databaseHash } from './plant-import-support';

const desk: Caller = { transport: 'internal', access: 'write' };
const viewer: Caller = { transport: 'http', access: 'read' };
const silent = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };

let t: Awaited<ReturnType<typeof testContext>>;
beforeEach(async () => {
  t = await testContext();
});
afterEach(() => t.dispose());

const call = (name: string, input: unknown, caller = desk) =>
  callProcedure(t.ctx, procedures, name, input, caller, silent);

async function settings(): Promise<Settings> {
  const result = await call('settings.get', {}, viewer);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Settings;
}

describe('settings', () => {
  it('reads the defaults of an empty plant', async () => {
    expect(await settings()).toEqual({
      plant: null,
      shifts: [],
      frozenWindowMinutes: 60,
      putAwayMinutes: 0,
      baseMap: {
        source: 'offline',
        tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
        attribution: '© OpenStreetMap contributors',
      },
      ingest: { enabled: true, host: '127.0.0.1', port: 4880 },
      // No ingest listener has started in this context yet.
      ingestStatus: null,
      language: 'de',
      sync: { folder: null, scanSeconds: 60 },
    });
  });

  it('creates the plant of an empty database only from a whole location', async () => {
    const partial = await call('settings.update', { plant: { name: 'Werk Süd' } });
    expect(!partial.ok && partial.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^settings\.update: plant\.city: /),
    });
    expect((await settings()).plant).toBeNull();
    const created = await call('settings.update', {
      plant: {
        name: 'Werk Süd',
        city: 'Ingolstadt',
        lat: 48.76,
        lon: 11.42,
        geofenceRadiusM: 800,
        timeZone: 'Europe/Berlin',
      },
    });
    expect(created.ok).toBe(true);
    expect((await settings()).plant).toEqual({
      id: 'plant',
      name: 'Werk Süd',
      city: 'Ingolstadt',
      lat: 48.76,
      lon: 11.42,
      geofenceRadiusM: 800,
      timeZone: 'Europe/Berlin',
      isDemo: false,
    });
  });

  it('stores what changed, where the other services read it, and announces the keys', async () => {
    await loadFixturePlant(t.ctx);
    t.events.length = 0;
    const result = await call('settings.update', {
      plant: { geofenceRadiusM: 1200, timeZone: 'Europe/Vienna' },
      frozenWindowMinutes: 90,
      ingest: { port: 4999, host: '0.0.0.0' },
      language: 'en',
      baseMap: { source: 'online' },
      sync: { folder: '/srv/erp/out' },
    });
    expect(result.ok).toBe(true);
    const now = await settings();
    expect(now.plant).toMatchObject({ geofenceRadiusM: 1200, timeZone: 'Europe/Vienna' });
    expect(now).toMatchObject({
      frozenWindowMinutes: 90,
      language: 'en',
      sync: { folder: '/srv/erp/out', scanSeconds: 60 },
    });
    expect(now.baseMap.source).toBe('online');
    expect(readIngestSettings(t.ctx.database.sqlite)).toEqual({ enabled: true, host: '0.0.0.0', port: 4999 });
    const frozen = t.ctx.database.sqlite
      .prepare("SELECT value FROM setting WHERE key = 'planning.frozenWindowMinutes'")
      .pluck()
      .get();
    expect(frozen).toBe('90');
    expect(t.events).toEqual([
      {
        event: 'settings.changed',
        payload: {
          keys: [
            'plant',
            'planning.frozenWindowMinutes',
            'ui.language',
            'map.baseMap',
            'ingest.host',
            'ingest.port',
            'sync.folder',
          ],
        },
      },
      { event: 'plant.reset', payload: { demo: false } },
    ]);
  });

  it('replaces the shifts with the list given', async () => {
    await loadFixturePlant(t.ctx);
    const result = await call('settings.update', {
      shifts: [
        { id: 'N', name: 'Nachtschicht', start: '22:00', end: '06:00' },
        { id: 'F', name: 'Früh', start: '06:00', end: '14:00' },
      ],
    });
    expect(result.ok).toBe(true);
    expect((await settings()).shifts).toEqual([
      { id: 'F', name: 'Früh', start: '06:00', end: '14:00' },
      { id: 'N', name: 'Nachtschicht', start: '22:00', end: '06:00' },
    ]);
  });

  it('refuses invalid values by field and changes nothing', async () => {
    await loadFixturePlant(t.ctx);
    const before = databaseHash(t.ctx.database.sqlite);
    t.events.length = 0;
    const cases: [unknown, string][] = [
      [{ plant: { timeZone: 'Europe/Atlantis' } }, 'plant.timeZone'],
      [{ plant: { lat: 91 } }, 'plant.lat'],
      [{ frozenWindowMinutes: -5 }, 'frozenWindowMinutes'],
      [{ ingest: { port: 70000 } }, 'ingest.port'],
      [{ ingest: { host: 'evil host; rm' } }, 'ingest.host'],
      [{ baseMap: { tileUrl: 'http://tiles.example/{z}/{x}/{y}.png' } }, 'baseMap.tileUrl'],
      [{ shifts: [{ id: 'F', name: 'Früh', start: '25:00', end: '14:00' }] }, 'shifts.0.start'],
      [{ language: 'fr' }, 'language'],
      [{ colour: 'red' }, '(input)'],
    ];
    for (const [input, field] of cases) {
      const result = await call('settings.update', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('INVALID_INPUT');
      expect((result.error.details as { issues: { field: string }[] }).issues[0]!.field).toBe(field);
    }
    expect(databaseHash(t.ctx.database.sqlite)).toBe(before);
    expect(t.events).toEqual([]);
  });

  it('lets a viewer read but not change the settings', async () => {
    const refused = await call('settings.update', { language: 'en' }, viewer);
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
  });

  it('gives imported parts without their own put-away time the default lead time', async () => {
    await loadFixturePlant(t.ctx);
    expect((await call('settings.update', { putAwayMinutes: 25 })).ok).toBe(true);
    const outcome = await importPlantFiles(
      t.ctx,
      [csv('parts.csv', 'id;description;unit;put_away_minutes\nNEW-1;Neu;pcs;\nNEW-2;Neu mit Zeit;pcs;5\n')],
      { mode: 'merge' },
    );
    expect(outcome.issues).toEqual([]);
    const minutes = t.ctx.database.sqlite
      .prepare("SELECT id, put_away_minutes FROM part WHERE id LIKE 'NEW-%' ORDER BY id")
      .all();
    expect(minutes).toEqual([
      { id: 'NEW-1', put_away_minutes: 25 },
      { id: 'NEW-2', put_away_minutes: 5 },
    ]);
  });
});
