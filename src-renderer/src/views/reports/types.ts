import type { ProcedureInput, ProcedureOutput } from '../../../../src-main/api/contract';

export type DayOverview = ProcedureOutput<'reports.dayOverview'>;
export type Dashboard = ProcedureOutput<'reports.dashboard'>;
export type AutoExportOverview = ProcedureOutput<'reports.autoExportSettings'>;
export type ExportRequest = ProcedureInput<'reports.export'>;
export type ShiftRow = ProcedureOutput<'reports.shifts'>[number];
