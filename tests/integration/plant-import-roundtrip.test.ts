import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportPlantFiles, type PlantFileFormat } from '../../src-main/imports/plant/exportPlant';
import { importPlantFiles } from '../../src-main/imports/plant/plantImport';
import type { PlantFile } from '../../src-main/imports/plant/readFiles';
import { testContext } from '../support/testContext';
import { filesOf } from './plant-import-support';

// export → import into an empty database → export gives the same files, byte for byte, for any
// plant fast-check can think of (texts with quotes, delimiters, umlauts and line breaks; numbers of
// any precision), as CSV and as XLSX.

const text = fc
  .string({ unit: fc.constantFrom(...'aZ09 ;,"\'|äöüßÄ€-_./\n#'.split('')), minLength: 1, maxLength: 12 })
  .filter((value) => value.trim() !== '');
const positive = fc
  .double({ min: 1e-6, max: 1e9, noNaN: true, noDefaultInfinity: true })
  .filter((n) => n > 0);
const count = fc.integer({ min: 1, max: 1_000_000 });
const ids = (prefix: string, max: number) =>
  fc
    .uniqueArray(fc.stringMatching(/^[A-Za-z0-9-]{1,6}$/), { minLength: 1, maxLength: max })
    .map((list) => list.map((id) => `${prefix}${id}`));
const cell = (value: string | number) => {
  const shown = String(value);
  return /[;"\n,]/.test(shown) || shown !== shown.trim() ? `"${shown.replaceAll('"', '""')}"` : shown;
};
const csvText = (header: string[], rows: (string | number)[][]) =>
  [header.join(';'), ...rows.map((row) => row.map(cell).join(';'))].join('\n');

const plantArbitrary = fc
  .record({
    partners: ids('SUP', 4),
    parts: ids('P', 8),
    products: ids('A', 4),
    lines: ids('L', 3),
    shifts: ids('S', 3),
    doors: ids('T', 3),
    orders: ids('O', 6),
  })
  .chain((keys) =>
    fc.record({
      keys: fc.constant(keys),
      partnerRows: fc.tuple(
        ...keys.partners.map(() =>
          fc.tuple(
            text,
            fc.constantFrom('supplier', 'carrier', 'both'),
            text,
            fc.double({ min: -90, max: 90, noNaN: true }),
            fc.option(text, { nil: '' }),
          ),
        ),
      ),
      partRows: fc.tuple(
        ...keys.parts.map(() =>
          fc.tuple(
            text,
            fc.integer({ min: 0, max: 9999 }),
            fc.option(fc.constantFrom(...keys.partners), { nil: '' }),
          ),
        ),
      ),
      stockRows: fc
        .subarray(keys.parts)
        .chain((parts) =>
          fc.tuple(fc.constant(parts), fc.array(count, { minLength: parts.length, maxLength: parts.length })),
        ),
      bom: fc
        .subarray(keys.products.flatMap((product) => keys.parts.map((part) => [product, part] as const)))
        .chain((pairs) =>
          fc.tuple(fc.constant(pairs), fc.array(count, { minLength: pairs.length, maxLength: pairs.length })),
        ),
      rates: fc
        .subarray(keys.lines.flatMap((line) => keys.products.map((product) => [line, product] as const)))
        .chain((pairs) =>
          fc.tuple(
            fc.constant(pairs),
            fc.array(positive, { minLength: pairs.length, maxLength: pairs.length }),
          ),
        ),
      shiftTimes: fc.array(fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1439 })), {
        minLength: keys.shifts.length,
        maxLength: keys.shifts.length,
      }),
      lineShifts: fc.subarray(
        keys.lines.flatMap((line) => keys.shifts.map((shift) => [line, shift] as const)),
      ),
      doorRows: fc.tuple(
        ...keys.doors.map(() =>
          fc.tuple(
            fc.uniqueArray(fc.constantFrom('reefer', 'side', 'hazmat'), { maxLength: 3 }),
            fc.integer({ min: 1, max: 600 }),
            fc.integer({ min: 0, max: 23 }),
          ),
        ),
      ),
      orderRows: fc.tuple(
        ...keys.orders.map(() =>
          fc.tuple(
            fc.constantFrom(...keys.products),
            count,
            fc.constantFrom(...keys.lines),
            fc.integer({ min: -5, max: 500 }),
            fc.integer({ min: 0, max: 4_102_444_800_000 }),
            fc.constantFrom('planned', 'running', 'done'),
            fc.boolean(),
            fc.subarray(keys.lines),
          ),
        ),
      ),
    }),
  )
  .map(
    ({ keys, partnerRows, partRows, stockRows, bom, rates, shiftTimes, lineShifts, doorRows, orderRows }) => {
      const hhmm = (minute: number) =>
        `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      return {
        'plant.csv': csvText(
          ['id', 'name', 'city', 'lat', 'lon', 'geofence_radius_m', 'time_zone'],
          [['W', 'Werk', 'Stadt', 48.1, 11.5, 500, 'Europe/Berlin']],
        ),
        'partners.csv': csvText(
          ['id', 'name', 'role', 'city', 'country_code', 'lat', 'lon', 'contact_name'],
          keys.partners.map((id, i) => {
            const [name, role, city, lat, contact] = partnerRows[i]!;
            return [id, name, role, city, 'DE', lat, -lat, contact];
          }),
        ),
        'parts.csv': csvText(
          ['id', 'description', 'unit', 'safety_stock', 'supplier_id'],
          keys.parts.map((id, i) => {
            const [description, safety, supplier] = partRows[i]!;
            return [id, description, 'pcs', safety, supplier];
          }),
        ),
        'stock.csv': csvText(
          ['part_id', 'on_hand'],
          stockRows[0].map((part, i) => [part, stockRows[1][i]!]),
        ),
        'products.csv': csvText(
          ['id', 'name'],
          keys.products.map((id) => [id, `Modell ${id}`]),
        ),
        'bom_items.csv': csvText(
          ['product_id', 'part_id', 'quantity'],
          bom[0].map(([product, part], i) => [product, part, bom[1][i]!]),
        ),
        'lines.csv': csvText(
          ['id', 'name', 'initial_product_id'],
          keys.lines.map((id, i) => [id, `Linie ${id}`, i % 2 ? keys.products[0]! : '']),
        ),
        'line_rates.csv': csvText(
          ['line_id', 'product_id', 'minutes_per_unit'],
          rates[0].map(([line, product], i) => [line, product, rates[1][i]!]),
        ),
        'shifts.csv': csvText(
          ['id', 'name', 'start', 'end'],
          keys.shifts.map((id, i) => [id, `Schicht ${id}`, hhmm(shiftTimes[i]![0]), hhmm(shiftTimes[i]![1])]),
        ),
        'line_shifts.csv': csvText(
          ['line_id', 'shift_id'],
          lineShifts.map(([line, shift]) => [line, shift]),
        ),
        'dock_doors.csv': csvText(
          ['id', 'name', 'capabilities', 'opening_hours', 'unload_minutes'],
          keys.doors.map((id, i) => {
            const [capabilities, unload, open] = doorRows[i]!;
            return [
              id,
              `Tor ${id}`,
              capabilities.join('|'),
              open % 5 === 0
                ? 'never'
                : open % 5 === 1
                  ? ''
                  : `1,2,3 ${hhmm(open * 60)}-24:00 | 7 00:00-${hhmm(open * 60 + 30)}`,
              unload,
            ];
          }),
        ),
        'orders.csv': csvText(
          [
            'id',
            'product_id',
            'quantity',
            'line_id',
            'sequence',
            'due_at',
            'status',
            'frozen',
            'eligible_line_ids',
          ],
          keys.orders.map((id, i) => {
            const [product, quantity, line, sequence, due, status, frozen, eligible] = orderRows[i]!;
            return [
              id,
              product,
              quantity,
              line,
              sequence,
              new Date(due).toISOString(),
              status,
              frozen ? 'ja' : 'nein',
              eligible.join('|'),
            ];
          }),
        ),
      };
    },
  );

async function importInto(files: PlantFile[]) {
  const t = await testContext();
  const outcome = await importPlantFiles(t.ctx, files, { mode: 'merge' });
  expect(outcome.issues).toEqual([]);
  expect(outcome.committed).toBe(true);
  return t;
}

async function roundTrip(plant: Record<string, string>, format: PlantFileFormat) {
  const first = await importInto(filesOf(plant));
  const exported = await exportPlantFiles(first.ctx.database.sqlite, format);
  await first.dispose();
  const second = await importInto(exported);
  const again = await exportPlantFiles(second.ctx.database.sqlite, format);
  await second.dispose();
  expect(again.map((file) => file.name)).toEqual(exported.map((file) => file.name));
  for (const [i, file] of again.entries()) {
    expect(file.content.equals(exported[i]!.content), `${file.name} differs`).toBe(true);
  }
}

describe('plant export → import → export', () => {
  it('gives byte-identical CSV files', async () => {
    await fc.assert(
      fc.asyncProperty(plantArbitrary, (plant) => roundTrip(plant, 'csv')),
      { numRuns: 25 },
    );
  });

  it('gives a byte-identical XLSX file', async () => {
    await fc.assert(
      fc.asyncProperty(plantArbitrary, (plant) => roundTrip(plant, 'xlsx')),
      { numRuns: 15 },
    );
  });

  it('keeps every generated row: the plant holds what the files held', async () => {
    const plant = fc.sample(plantArbitrary, { numRuns: 1, seed: 7 })[0]!;
    const t = await importInto(filesOf(plant));
    const rows = (table: string) =>
      (t.ctx.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const generated = (file: string) => plant[file as keyof typeof plant];
    expect(rows('part')).toBe(new Set(generated('parts.csv').match(/^P[A-Za-z0-9-]+;/gm)).size);
    expect(rows('production_order')).toBe(generated('orders.csv').match(/^O[A-Za-z0-9-]+;/gm)?.length);
    expect(rows('bom_item')).toBe(generated('bom_items.csv').split('\n').length - 1);
    await t.dispose();
  });
});
