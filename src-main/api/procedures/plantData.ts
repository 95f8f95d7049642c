import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { loadDemoPlant, plantIsEmpty } from '../../demo/load';
import { DATA_SET_NAMES } from '../../imports/plant/dataSet';
import { exportPlantFiles, type PlantFileFormat, templateFiles } from '../../imports/plant/exportPlant';
import { importPlantFiles, previewPlantImport } from '../../imports/plant/plantImport';
import type { PlantFile } from '../../imports/plant/readFiles';
import { DEMO_REMOVED_SETTING, removeDemoPlant } from '../../imports/plant/removeDemo';
import { readSyncStatus } from '../../imports/plant/syncStatus';
import { dropUpload, MAX_CHUNK_BASE64, stageChunk, stagedFile } from '../../imports/plant/uploads';
import { procedure } from '../registry';
import { DomainError } from '../result';
import { noInput } from '../schemas';

// Bringing a plant's own data in and out: templates, export, the dry run and the import. Files
// travel as base64; a file bigger than one request goes through plantData.upload in chunks.

const format = z.enum(['csv', 'xlsx']);
const fileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((name) => !/[\\/]/.test(name), 'must be a file name without folders');
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
const inlineFile = z.object({ name: fileName, contentBase64: base64.max(MAX_CHUNK_BASE64) }).strict();
const uploadedFile = z.object({ name: fileName, uploadId: z.uuid() }).strict();
const files = z
  .array(z.union([inlineFile, uploadedFile]))
  .min(1)
  .max(DATA_SET_NAMES.length + 4);
const mode = z.enum(['merge', 'replace']).default('merge');

/** The seed of app/createLeitstand's DEFAULT_DEMO_SEED (imported from there it would be a cycle). */
const DEMO_SEED = 20261127;

type FileInput = z.output<typeof files>[number];

function filesOf(ctx: AppContext, input: readonly FileInput[]): PlantFile[] {
  return input.map((file) =>
    'uploadId' in file
      ? { name: file.name, content: stagedFile(ctx, file.uploadId) }
      : { name: file.name, content: Buffer.from(file.contentBase64, 'base64') },
  );
}

const asBase64 = (list: PlantFile[], fileFormat: PlantFileFormat) =>
  list.map((file) => ({
    name: file.name,
    mimeType:
      fileFormat === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: file.content.toString('base64'),
  }));

export const plantDataProcedures = {
  'plantData.syncStatus': procedure({
    access: 'read',
    summary: 'The sync folder per data set: the last good file and the last refused one with its errors.',
    input: noInput,
    handler(ctx) {
      return readSyncStatus(ctx.database.sqlite);
    },
  }),
  'plant.loadDemo': procedure({
    access: 'write',
    summary:
      'First run: loads the demo plant into the empty database; its simulator and clock start at once.',
    input: z.object({}).strict(),
    async handler(ctx) {
      if (!(await plantIsEmpty(ctx.database))) {
        throw new DomainError(
          'CONFLICT',
          'The database already holds a plant; the demo is loaded only into an empty one.',
        );
      }
      await loadDemoPlant(ctx.database, { seed: DEMO_SEED, now: ctx.clock.now() });
      ctx.database.sqlite.prepare('DELETE FROM setting WHERE key = ?').run(DEMO_REMOVED_SETTING);
      // The demo runtime (app/demoRuntime) follows plant.reset: simulator and demo clock start.
      ctx.bus.emit('plant.reset', { demo: true });
      return { loaded: true };
    },
  }),
  'plant.removeDemo': procedure({
    access: 'write',
    summary: 'Removes the demo plant in one transaction, leaving an empty plant (confirm: true).',
    input: z.object({ confirm: z.literal(true) }).strict(),
    handler(ctx) {
      return removeDemoPlant(ctx);
    },
  }),
  'plantData.templates': procedure({
    access: 'read',
    summary: 'Empty plant files (header rows only) to fill in: one CSV per data set or one XLSX.',
    input: z.object({ format }).strict(),
    async handler(_ctx, input) {
      return { files: asBase64(await templateFiles(input.format), input.format) };
    },
  }),
  'plantData.export': procedure({
    // The whole master data with partner contacts: the desk's, not a wall screen's viewer link.
    access: 'write',
    summary: 'The plant’s master and planning data as files that import back to the same data.',
    input: z
      .object({ format, dataSets: z.array(z.enum(DATA_SET_NAMES)).max(DATA_SET_NAMES.length).optional() })
      .strict(),
    async handler(ctx, input) {
      const list = await exportPlantFiles(ctx.database.sqlite, input.format, input.dataSets);
      return { files: asBase64(list, input.format) };
    },
  }),
  'plantData.upload': procedure({
    access: 'write',
    summary: 'One chunk (≤ 768 KiB of base64) of a big plant file; name the uploadId in preview/import.',
    input: z
      .object({
        uploadId: z.uuid(),
        index: z.number().int().min(0).max(1000),
        count: z.number().int().min(1).max(1000),
        chunkBase64: base64.max(MAX_CHUNK_BASE64),
      })
      .strict(),
    handler(ctx, input) {
      return stageChunk(
        ctx,
        input.uploadId,
        input.index,
        input.count,
        Buffer.from(input.chunkBase64, 'base64'),
      );
    },
  }),
  'plantData.preview': procedure({
    access: 'write',
    summary:
      'Dry run of an import: rows per data set and every error by file, row and column. Changes nothing.',
    input: z.object({ files, mode }).strict(),
    handler(ctx, input) {
      return previewPlantImport(ctx, filesOf(ctx, input.files), input.mode);
    },
  }),
  'plantData.import': procedure({
    access: 'write',
    summary:
      'Imports plant files all-or-nothing (after the same checks as the preview); progress as import.progress.',
    input: z.object({ files, mode, jobId: z.uuid().optional() }).strict(),
    async handler(ctx, input) {
      if (input.files.length === 0) throw new DomainError('INVALID_INPUT', 'Name at least one file.');
      const outcome = await importPlantFiles(ctx, filesOf(ctx, input.files), {
        mode: input.mode,
        ...(input.jobId ? { jobId: input.jobId } : {}),
      });
      if (outcome.committed) {
        for (const file of input.files) if ('uploadId' in file) dropUpload(ctx, file.uploadId);
      }
      return outcome;
    },
  }),
};
