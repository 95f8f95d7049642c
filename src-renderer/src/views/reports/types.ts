import type { ProcedureOutput } from '../../../../src-main/api/contract';

export type DayOverview = ProcedureOutput<'reports.dayOverview'>;
