import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../../src-main/api/events';
import type { AppContext } from '../../src-main/app/context';
import { openDatabase } from '../../src-main/db/connection';
import { exportPlantFiles } from '../../src-main/imports/plant/exportPlant';
import { importPlantFiles, previewPlantImport } from '../../src-main/imports/plant/plantImport';
import type { PlantFile } from '../../src-main/imports/plant/readFiles';
import { type BenchFigure, percentile } from './table';

// Issue 7's figure: importing 50,000 BOM rows (1,000 products × 50 of 2,000 parts) into a plant
// that holds its parts and products, from the CSV file to the committed transaction, with the
// progress events it sends. Target: at most 10 s. Median of 3 runs, each into a fresh database.

const PRODUCTS = 1000;
const PARTS = 2000;
const PER_PRODUCT = 50;
const RUNS = 3;
const TARGET_MS = 10_000;

const text = (name: string, lines: string[]): PlantFile => ({
  name,
  content: Buffer.from(`${lines.join('\n')}\n`, 'utf8'),
});

function masterFiles(): PlantFile[] {
  return [
    text('plant.csv', [
      'id;name;city;lat;lon;geofence_radius_m;time_zone',
      'W;Werk;Ingolstadt;48.76;11.42;800;Europe/Berlin',
    ]),
    text('parts.csv', [
      'id;description;unit',
      ...Array.from({ length: PARTS }, (_, i) => `P-${i};Teil ${i};pcs`),
    ]),
    text('products.csv', ['id;name', ...Array.from({ length: PRODUCTS }, (_, i) => `A-${i};Modell ${i}`)]),
  ];
}

function bomFile(): PlantFile {
  const lines = ['product_id;part_id;quantity'];
  for (let product = 0; product < PRODUCTS; product++) {
    for (let k = 0; k < PER_PRODUCT; k++)
      lines.push(`A-${product};P-${(product * 7 + k * 37) % PARTS};${1 + (k % 9)}`);
  }
  return text('bom_items.csv', lines);
}

async function freshPlant(dir: string, run: string) {
  const database = await openDatabase({ path: join(dir, `plant-${run}.db`) });
  const bus = new EventBus();
  let progress = 0;
  bus.on('import.progress', () => progress++);
  const ctx: AppContext = { database, bus, clock: { now: () => Date.UTC(2026, 10, 27, 8), speed: 1 } };
  const master = await importPlantFiles(ctx, masterFiles(), { mode: 'merge' });
  if (!master.committed) throw new Error(`bench plant refused: ${master.issues[0]?.message}`);
  progress = 0;
  return { ctx, progressEvents: () => progress };
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

export async function plantImportBench(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'leitstand-bench-plant-import-'));
  try {
    const bom = bomFile();
    const imports: number[] = [];
    const previews: number[] = [];
    const xlsxImports: number[] = [];
    let events = 0;
    let xlsx: PlantFile | null = null;
    for (let run = 0; run < RUNS; run++) {
      const plant = await freshPlant(dir, `csv-${run}`);
      let started = performance.now();
      const preview = await previewPlantImport(plant.ctx, [bom], 'merge');
      previews.push(performance.now() - started);
      if (preview.issues.length > 0) throw new Error(`bench BOM refused: ${preview.issues[0]?.message}`);
      started = performance.now();
      const outcome = await importPlantFiles(plant.ctx, [bom], { mode: 'merge' });
      imports.push(performance.now() - started);
      if (!outcome.committed) throw new Error('bench BOM not committed');
      events = plant.progressEvents();
      xlsx ??= (await exportPlantFiles(plant.ctx.database.sqlite, 'xlsx', ['bom_items']))[0]!;
      await plant.ctx.database.close();
    }
    for (let run = 0; run < RUNS; run++) {
      const plant = await freshPlant(dir, `xlsx-${run}`);
      const started = performance.now();
      const outcome = await importPlantFiles(plant.ctx, [xlsx!], { mode: 'merge' });
      xlsxImports.push(performance.now() - started);
      if (!outcome.committed) throw new Error('bench BOM (XLSX) not committed');
      await plant.ctx.database.close();
    }
    const csvMs = median(imports);
    console.error(`[bench] plant import: 50,000 BOM rows ${csvMs.toFixed(0)} ms, ${events} progress events`);
    return [
      {
        area: 'plant import',
        name: 'import 50,000 BOM rows (CSV, dry run + commit)',
        value: csvMs,
        unit: 'ms',
        target: { value: TARGET_MS, direction: 'lower' },
        baseline: { name: 'dry run alone', value: median(previews) },
      },
      {
        area: 'plant import',
        name: 'import 50,000 BOM rows (XLSX, dry run + commit)',
        value: median(xlsxImports),
        unit: 'ms',
        target: { value: TARGET_MS, direction: 'lower' },
      },
      { area: 'plant import', name: 'progress events during that import', value: events, unit: 'events' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
