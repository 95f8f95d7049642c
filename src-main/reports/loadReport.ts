import { DomainError } from '../api/result';
import type { AppContext } from '../app/context';
import { requireSite } from '../db/repositories/site';
import { buildDeliveryReport, type DeliveryReport } from './deliveryReport';
import { doorHours } from './dockCapacity';
import { readDeliveryRows, readDoors, readStoppages } from './reportRows';
import { dayWindow, type ReportWindow, shiftWindow } from './reportWindow';

export interface ReportRequest {
  day: string;
  shiftId?: string | undefined;
}

/** The window of a request, refusing an unknown shift or a malformed day by name. */
export async function resolveWindow(ctx: AppContext, request: ReportRequest, timeZone: string) {
  try {
    if (!request.shiftId) return dayWindow(request.day, timeZone);
    const shift = await ctx.database.db
      .selectFrom('shift')
      .selectAll()
      .where('id', '=', request.shiftId)
      .executeTakeFirst();
    if (!shift) throw new DomainError('NOT_FOUND', `shiftId: there is no shift "${request.shiftId}".`);
    return shiftWindow(request.day, shift, timeZone);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('INVALID_INPUT', `day: ${(error as Error).message}`);
  }
}

/** The delivery report of a plant-local day, or of the shift that starts on that day. */
export async function loadDeliveryReport(ctx: AppContext, request: ReportRequest): Promise<DeliveryReport> {
  const { db } = ctx.database;
  const site = await requireSite(db);
  const window = await resolveWindow(ctx, request, site.timeZone);
  return reportForWindow(ctx, window, site);
}

export async function reportForWindow(
  ctx: AppContext,
  window: ReportWindow,
  site: { name: string; timeZone: string },
): Promise<DeliveryReport> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const [rows, stoppages, doors] = await Promise.all([
    readDeliveryRows(db, window),
    readStoppages(db, window, now),
    readDoors(db),
  ]);
  return buildDeliveryReport({
    plantName: site.name,
    timeZone: site.timeZone,
    window,
    now,
    rows,
    stoppages,
    doorHours: doorHours(doors),
  });
}
