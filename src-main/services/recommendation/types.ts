import type { Metrics } from '../../domain/reschedule/types';

// A proposal as the recommendation panel shows it. The English `summary` is stored for the audit
// trail and for exports; the view renders `sentence` (a key and its values) in its own language.

export type RecommendationKind = 'resequence' | 'dock_priority' | 'expedite';
export type RecommendationStatus = 'open' | 'applied' | 'rejected' | 'undone' | 'superseded';

/** One order the planner has to pick up and re-insert (orders outside the per-line LCS). */
export interface SequenceChange {
  orderId: string;
  fromLine: string;
  toLine: string;
  fromIndex: number;
  toIndex: number;
}

/** Values of the resequence sentence; the line names are display names. */
export interface ResequenceSentence {
  key: 'resequence';
  params: {
    orderId: string;
    /** Where the order goes: before or after `referenceOrderId`, or onto another line (no reference). */
    relation: 'before' | 'after' | 'onto';
    referenceOrderId: string | null;
    lineName: string;
    /** Set when the order changes line. */
    toLineName: string | null;
    /** How many orders move in all (≥ 1). */
    ordersMoved: number;
    stoppageMinutesBefore: number;
    stoppageMinutesAfter: number;
    tardinessMinutesBefore: number;
    tardinessMinutesAfter: number;
    unproducedUnitsBefore: number;
    unproducedUnitsAfter: number;
    /** Extra changeovers (negative: fewer). */
    setupsDelta: number;
    /** Set for a planner's own sequence (lines.saveSequence). */
    manual: boolean;
  };
}

export interface DockPrioritySentence {
  key: 'dock_priority';
  params: {
    deliveryId: string;
    truckPlate: string | null;
    noticeNumber: string | null;
    supplierName: string;
    doorName: string;
    lineName: string;
    partId: string;
    partDescription: string;
    stoppageMinutesBefore: number;
    stoppageMinutesAfter: number;
  };
}

export interface ExpediteSentence {
  key: 'expedite';
  params: {
    deliveryId: string;
    truckPlate: string | null;
    noticeNumber: string | null;
    supplierName: string;
    /** Epoch ms by which the truck must arrive at the gate. */
    arriveBy: number;
    /** The same time as plant-local "HH:mm", for a sentence that needs no formatting. */
    arriveByLocal: string;
    lineName: string;
    partId: string;
    partDescription: string;
    stoppageMinutesBefore: number;
    stoppageMinutesAfter: number;
  };
}

export type RecommendationSentence = ResequenceSentence | DockPrioritySentence | ExpediteSentence;

export interface ResequencePayload {
  sentence: ResequenceSentence;
  /** The new sequence of every line the proposal changes. */
  lines: Record<string, string[]>;
  changes: SequenceChange[];
  /** The plan's sequence of every line (non-done orders) when the proposal was computed. */
  previous: Record<string, string[]>;
}

export interface DockPriorityPayload {
  sentence: DockPrioritySentence;
  deliveryId: string;
  /** The free door proposed; null keeps the booked one. */
  doorId: string | null;
  previousDoorId: string | null;
  stoppageId: string;
}

export interface ExpeditePayload {
  sentence: ExpediteSentence;
  deliveryId: string;
  arriveBy: number;
  stoppageId: string;
}

interface RecommendationBase {
  id: string;
  createdAt: number;
  status: RecommendationStatus;
  summary: string;
  before: Metrics;
  after: Metrics;
  decidedAt: number | null;
  decidedBy: string | null;
  reason: string | null;
}

export type Recommendation =
  | (RecommendationBase & {
      kind: 'resequence';
      sentence: ResequenceSentence;
      changes: SequenceChange[];
      payload: ResequencePayload;
    })
  | (RecommendationBase & {
      kind: 'dock_priority';
      sentence: DockPrioritySentence;
      changes: [];
      payload: DockPriorityPayload;
    })
  | (RecommendationBase & {
      kind: 'expedite';
      sentence: ExpediteSentence;
      changes: [];
      payload: ExpeditePayload;
    });

export interface RecommendationList {
  /** Open proposals, best first. */
  open: Recommendation[];
  /** Proposals decided in the last 24 hours, newest first. */
  recent: Recommendation[];
}
