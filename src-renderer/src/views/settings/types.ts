import type { ProcedureInput, ProcedureOutput } from '../../../../src-main/api/contract';

export type Settings = ProcedureOutput<'settings.get'>;
export type SettingsUpdate = ProcedureInput<'settings.update'>;
export type ImportOutcome = ProcedureOutput<'plantData.preview'>;
export type ImportMode = 'merge' | 'replace';
