import type { ProcedureOutput } from '../../../../src-main/api/contract';

/** A row of the deliveries list: the stored delivery plus its punctuality at the plant clock's now. */
export type DeliveryRow = ProcedureOutput<'deliveries.list'>['rows'][number];
export type DeliveryDetailData = ProcedureOutput<'deliveries.get'>;
export type DeliveryItem = DeliveryDetailData['items'][number];
export type DeliveryHistoryEntry = DeliveryDetailData['history'][number];
