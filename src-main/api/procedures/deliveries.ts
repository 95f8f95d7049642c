import { z } from 'zod';
import {
  deliveryHistory,
  deliveryItems,
  deliveryRoute,
  deliveryTrack,
  findDelivery,
  listDeliveries,
} from '../../db/repositories/deliveries';
import { addDeliveryNote } from '../../services/deliveryNotes';
import { withPunctuality } from '../../services/deliveryViews';
import { procedure } from '../registry';
import { DomainError } from '../result';
import { deliveryStatus, entityId, epochMs, searchText } from '../schemas';

const TRACK_WINDOW_MS = 12 * 60 * 60 * 1000;

const historyPayload = z
  .object({ from: z.string().optional(), to: z.string().optional() })
  .passthrough()
  .nullable()
  .catch(null);

export const deliveryProcedures = {
  'deliveries.list': procedure({
    access: 'read',
    summary: 'Inbound deliveries by slot time, filtered by text, status and time range.',
    input: z
      .object({
        search: searchText.optional(),
        statuses: z.array(deliveryStatus).max(8).optional(),
        from: epochMs.optional(),
        to: epochMs.optional(),
        supplierId: entityId.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
        offset: z.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
    async handler(ctx, input) {
      const { rows, total } = await listDeliveries(ctx.database.db, input);
      return { total, rows: rows.map((row) => withPunctuality(ctx, row)) };
    },
  }),

  'deliveries.get': procedure({
    access: 'read',
    summary: 'One delivery with its items, status history, recent track and its road to the plant.',
    input: z.object({ id: entityId }).strict(),
    async handler(ctx, { id }) {
      const { db } = ctx.database;
      const delivery = await findDelivery(db, id);
      if (!delivery) throw new DomainError('NOT_FOUND', `There is no delivery ${id}.`);
      const [items, history, track, route] = await Promise.all([
        deliveryItems(db, id),
        deliveryHistory(db, id),
        deliveryTrack(db, id, ctx.clock.now() - TRACK_WINDOW_MS),
        deliveryRoute(db, id),
      ]);
      return {
        delivery: withPunctuality(ctx, delivery),
        items,
        history: history.map(({ payload, ...entry }) => ({
          ...entry,
          details: historyPayload.parse(payload ? JSON.parse(payload) : null),
        })),
        track,
        route,
      };
    },
  }),

  'deliveries.addNote': procedure({
    access: 'write',
    summary: 'Adds a note to a delivery; it is kept in its history and shown in reports.',
    input: z
      .object({
        id: entityId,
        note: z.string().trim().min(1, 'must not be empty').max(500, 'may be at most 500 characters'),
      })
      .strict(),
    handler: (ctx, { id, note }) => addDeliveryNote(ctx, id, note, 'user'),
  }),
};
