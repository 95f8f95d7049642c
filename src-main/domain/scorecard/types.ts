import type { DeliveryStatus } from '../../db/schema';

// What a partner's scorecard is computed from and what it says. Times are epoch milliseconds
// (UTC); minutes are plain numbers. The service reads these facts, the domain judges them.

/** One delivery the partner shipped (supplier) or drove (carrier), with its booked slot. */
export interface DeliveryFact {
  id: string;
  status: DeliveryStatus;
  slotStart: number;
  slotEnd: number;
  /** Gate check-in: the moment the truck is at the plant. */
  gateInAt: number | null;
}

/** One item line of a shipping notice whose goods were received. */
export interface ReceivedLine {
  quantityAnnounced: number;
  quantityReceived: number;
}

/** A line stoppage that ended, with the delivery whose goods ended it (if a receipt did). */
export interface EndedStoppage {
  lineId: string;
  lineName: string;
  partId: string;
  partDescription: string;
  resumedAt: number;
  stoppedMinutes: number;
  endingDelivery: {
    id: string;
    supplierId: string;
    carrierId: string | null;
    slotEnd: number;
    gateInAt: number | null;
  } | null;
}

/** A stoppage the current coverage projection predicts, ended by one of the partner's trucks. */
export interface ThreatenedStoppage {
  lineId: string;
  lineName: string;
  partId: string;
  partDescription: string;
  start: number;
  durationMinutes: number;
  deliveryId: string;
}

export interface PunctualityFigures {
  /** Deliveries whose slot lies in the range and that are judged: arrived, or overdue. */
  due: number;
  arrived: number;
  /** Not arrived although the window and the tolerance have passed: not on time, not adherent. */
  overdue: number;
  onTime: number;
  /** Null without a delivery to judge. */
  onTimeRate: number | null;
  /** Checked in inside the booked window widened by the tolerance on both sides. */
  inSlot: number;
  slotAdherenceRate: number | null;
  /** Arrived after the window's end plus the tolerance. */
  late: number;
  /** Before the window's start minus the tolerance. */
  early: number;
  /** Mean minutes after the window's end over every arrival; an early or in-window one counts 0. */
  averageDelayMinutes: number | null;
  /** Mean minutes after the window's end over the late arrivals only. */
  averageLateDelayMinutes: number | null;
}

export interface NoticeAccuracy {
  /** Item lines received so far. */
  lines: number;
  /** Lines whose received quantity equals the announced one. */
  exactLines: number;
  exactLineRate: number | null;
  shortLines: number;
  overLines: number;
  quantityAnnounced: number;
  /** Received quantity up to what each line announced: an over-delivery does not mend a short one. */
  quantityFilled: number;
  fillRate: number | null;
}

export interface WeekFigures {
  /** ISO week of the plant's calendar, "2026-W48". */
  week: string;
  /** Monday 00:00 plant time, and the next Monday (a DST week is 167 or 169 hours long). */
  start: number;
  end: number;
  due: number;
  onTime: number;
  onTimeRate: number | null;
  averageDelayMinutes: number | null;
  averageLateDelayMinutes: number | null;
}

export interface CausedStoppage {
  lineId: string;
  lineName: string;
  partId: string;
  partDescription: string;
  resumedAt: number;
  stoppedMinutes: number;
  deliveryId: string;
}

export interface ProductionImpact {
  /** Stoppages (ended in the range) that the partner's late delivery ended. */
  causedMinutes: number;
  causedStoppages: number;
  /** Stoppages the current projection predicts that one of the partner's trucks would end. */
  threatenedMinutes: number;
  threatenedStoppages: number;
  caused: CausedStoppage[];
  threatened: ThreatenedStoppage[];
}
