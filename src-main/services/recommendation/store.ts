import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AppContext } from '../../app/context';
import type { Database, RecommendationTable } from '../../db/schema';
import type { Metrics } from '../../domain/reschedule/types';
import type {
  DockPriorityPayload,
  ExpeditePayload,
  Recommendation,
  RecommendationKind,
  RecommendationList,
  ResequencePayload,
} from './types';

// The recommendation table: proposals as rows, rows back as what the panel shows. Payload and
// metrics are JSON written only by this service, read back with a check of their kind.

const DAY = 24 * 60 * 60 * 1000;
const RECENT_LIMIT = 20;

type Db = Kysely<Database> | Transaction<Database>;
type Row = Selectable<RecommendationTable>;

/** A proposal as computed, before it has an id and a status. */
export type ProposalDraft =
  | { kind: 'resequence'; summary: string; before: Metrics; after: Metrics; payload: ResequencePayload }
  | { kind: 'dock_priority'; summary: string; before: Metrics; after: Metrics; payload: DockPriorityPayload }
  | { kind: 'expedite'; summary: string; before: Metrics; after: Metrics; payload: ExpeditePayload };

/** Two proposals that say the same thing share this key: the panel keeps the older one's id. */
export function proposalKey(
  draft:
    | { kind: 'resequence'; payload: ResequencePayload }
    | { kind: 'dock_priority'; payload: DockPriorityPayload }
    | { kind: 'expedite'; payload: ExpeditePayload },
): string {
  switch (draft.kind) {
    case 'resequence':
      return `resequence|${JSON.stringify(draft.payload.lines)}`;
    case 'dock_priority':
      return `dock_priority|${draft.payload.deliveryId}|${draft.payload.doorId ?? ''}`;
    case 'expedite':
      return `expedite|${draft.payload.deliveryId}`;
  }
}

export function toRecommendation(row: Row): Recommendation {
  const base = {
    id: row.id,
    createdAt: row.createdAt,
    status: row.status,
    summary: row.summary,
    before: JSON.parse(row.beforeMetrics) as Metrics,
    after: JSON.parse(row.afterMetrics) as Metrics,
    decidedAt: row.decidedAt,
    decidedBy: row.decidedBy,
    reason: row.reason,
  };
  const payload: unknown = JSON.parse(row.payload);
  const kind: RecommendationKind = row.kind;
  switch (kind) {
    case 'resequence': {
      const typed = payload as ResequencePayload;
      return { ...base, kind, sentence: typed.sentence, changes: typed.changes, payload: typed };
    }
    case 'dock_priority': {
      const typed = payload as DockPriorityPayload;
      return { ...base, kind, sentence: typed.sentence, changes: [], payload: typed };
    }
    case 'expedite': {
      const typed = payload as ExpeditePayload;
      return { ...base, kind, sentence: typed.sentence, changes: [], payload: typed };
    }
  }
}

export async function findRecommendation(db: Db, id: string): Promise<Recommendation | null> {
  const row = await db.selectFrom('recommendation').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecommendation(row) : null;
}

const KIND_RANK: Record<RecommendationKind, number> = { resequence: 0, dock_priority: 1, expedite: 2 };

export async function listRecommendations(ctx: AppContext): Promise<RecommendationList> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const [open, recent] = await Promise.all([
    db
      .selectFrom('recommendation')
      .selectAll()
      .where('status', '=', 'open')
      .orderBy('createdAt', 'desc')
      .execute(),
    db
      .selectFrom('recommendation')
      .selectAll()
      .where('status', 'in', ['applied', 'rejected', 'undone'])
      .where('decidedAt', '>=', now - DAY)
      .orderBy('decidedAt', 'desc')
      .orderBy('createdAt', 'desc')
      .limit(RECENT_LIMIT)
      .execute(),
  ]);
  return {
    open: open.map(toRecommendation).sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]),
    recent: recent.map(toRecommendation),
  };
}

let sequenceNumber = 0;

/** Ids sort by creation and never repeat within a process, nor across restarts (time first). */
export function newRecommendationId(now: number): string {
  sequenceNumber = (sequenceNumber + 1) % 1_000_000;
  return `rec-${now.toString(36)}-${sequenceNumber.toString(36).padStart(4, '0')}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

export function insertValues(id: string, draft: ProposalDraft, createdAt: number) {
  return {
    id,
    createdAt,
    kind: draft.kind,
    summary: draft.summary,
    payload: JSON.stringify(draft.payload),
    beforeMetrics: JSON.stringify(draft.before),
    afterMetrics: JSON.stringify(draft.after),
  };
}

/**
 * Stores a computation's proposals in one transaction: an open proposal that says the same as a
 * new one is refreshed in place (its id stays, so a planner's click still finds it); every other
 * open proposal is superseded. Returns the ids that changed.
 */
export async function storeProposals(db: Kysely<Database>, drafts: readonly ProposalDraft[], now: number) {
  return db.transaction().execute(async (trx) => {
    const open = (
      await trx.selectFrom('recommendation').selectAll().where('status', '=', 'open').execute()
    ).map(toRecommendation);
    const openByKey = new Map(open.map((proposal) => [proposalKey(proposal), proposal]));
    const kept = new Set<string>();
    const changed: string[] = [];
    for (const draft of drafts) {
      const same = openByKey.get(proposalKey(draft));
      if (same && !kept.has(same.id)) {
        kept.add(same.id);
        const { id: _id, createdAt: _createdAt, ...values } = insertValues(same.id, draft, now);
        await trx.updateTable('recommendation').set(values).where('id', '=', same.id).execute();
        changed.push(same.id);
        continue;
      }
      const id = newRecommendationId(now);
      await trx
        .insertInto('recommendation')
        .values({
          ...insertValues(id, draft, now),
          status: 'open',
          decidedAt: null,
          decidedBy: null,
          reason: null,
        })
        .execute();
      changed.push(id);
    }
    const superseded = open.filter((proposal) => !kept.has(proposal.id)).map((proposal) => proposal.id);
    if (superseded.length > 0) {
      await trx
        .updateTable('recommendation')
        .set({ status: 'superseded' })
        .where('id', 'in', superseded)
        .execute();
    }
    return [...changed, ...superseded];
  });
}
