import { z } from 'zod';
import { autoExportOverview, saveAutoExportSettings } from '../../reports/autoExportService';
import { autoExportSettingsSchema, reportFormat } from '../../reports/autoExportSettings';
import { deliveryDashboard } from '../../reports/dashboard';
import { renderReport } from '../../reports/exportReport';
import { loadDeliveryReport } from '../../reports/loadReport';
import { dayOverview } from '../../services/dayOverview';
import { procedure } from '../registry';
import { entityId, plantDay } from '../schemas';

const reportRequest = z.object({ day: plantDay, shiftId: entityId.optional() }).strict();

export const reportProcedures = {
  'reports.dayOverview': procedure({
    access: 'read',
    summary: "A plant-local day's deliveries in figures: punctuality, dwell, load per hour.",
    input: z.object({ day: plantDay }).strict(),
    handler: (ctx, { day }) => dayOverview(ctx, day),
  }),
  'reports.delivery': procedure({
    access: 'read',
    summary:
      'The delivery report of a plant-local day or of one shift starting on it: every delivery and the summary.',
    input: reportRequest,
    handler: (ctx, input) => loadDeliveryReport(ctx, input),
  }),
  'reports.export': procedure({
    access: 'read',
    summary:
      'The delivery report of a day or shift as an XLSX, CSV (comma or semicolon) or PDF file, base64.',
    input: reportRequest.extend({
      format: reportFormat,
      delimiter: z.enum([',', ';']).optional(),
      language: z.enum(['de', 'en']).optional(),
    }),
    handler: async (ctx, { format, delimiter, language, ...request }) => {
      const report = await loadDeliveryReport(ctx, request);
      const file = await renderReport(report, {
        format,
        ...(delimiter ? { delimiter } : {}),
        ...(language ? { language } : {}),
      });
      return {
        fileName: file.fileName,
        mimeType: file.mimeType,
        contentBase64: file.content.toString('base64'),
      };
    },
  }),
  'reports.shifts': procedure({
    access: 'read',
    summary:
      "The plant's shifts (start and end minute of the day; an end before the start runs over midnight).",
    input: z.object({}).strict(),
    handler: (ctx) => ctx.database.db.selectFrom('shift').selectAll().orderBy('startMinute').execute(),
  }),
  'reports.dashboard': procedure({
    access: 'read',
    summary:
      'Trends over days: on-time rate, dwell-time distribution, deliveries per hour vs dock, stoppages.',
    input: z.object({ from: plantDay, to: plantDay, partnerId: entityId.optional() }).strict(),
    handler: (ctx, input) => deliveryDashboard(ctx, input),
  }),
  'reports.autoExportSettings': procedure({
    access: 'read',
    summary: "Where each shift's report is written at the shift's end, and the latest automatic exports.",
    input: z.object({}).strict(),
    handler: (ctx) => autoExportOverview(ctx),
  }),
  'reports.setAutoExport': procedure({
    access: 'write',
    summary:
      'Sets the folder and formats of the automatic export at each shift end; the folder must be writable.',
    input: autoExportSettingsSchema.strict(),
    handler: (ctx, input) => saveAutoExportSettings(ctx, input),
  }),
};
