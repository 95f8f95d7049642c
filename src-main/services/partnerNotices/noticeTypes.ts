import { z } from 'zod';
import type { NoticeKind, NoticeLanguage } from '../../db/schema';

// The words of notices out, shared by templates, outbox and procedures.

export const NOTICE_KINDS = ['slot_confirmation', 'slot_change', 'delay_ack', 'shortage_alert'] as const;
export const noticeKind = z.enum(NOTICE_KINDS);
export const noticeLanguage = z.enum(['de', 'en']);
export const channelKind = z.enum(['webhook', 'email']);
export const noticeStatus = z.enum(['queued', 'sending', 'sent', 'failed']);

export type { NoticeKind, NoticeLanguage };

/** What the plant tells a partner about; every time is epoch ms, rendered in the plant's zone. */
export interface PlantFacts {
  name: string;
  timeZone: string;
}

export interface NoticeItem {
  partId: string;
  supplierPartNumber: string | null;
  description: string;
  quantity: number;
  unit: string;
}

export interface DeliveryFacts {
  id: string;
  noticeNumber: string | null;
  truckPlate: string | null;
  supplierName: string;
  carrierName: string | null;
  doorName: string | null;
  slotStart: number;
  slotEnd: number;
  items: NoticeItem[];
}

export type NoticeFacts =
  | { kind: 'slot_confirmation'; delivery: DeliveryFacts }
  | {
      kind: 'slot_change';
      delivery: DeliveryFacts;
      previous: { doorName: string | null; slotStart: number };
    }
  | { kind: 'delay_ack'; delivery: DeliveryFacts; eta: number; reason: string | null }
  | { kind: 'shortage_alert'; shortage: ShortageFacts };

export interface ShortageFacts {
  stoppageId: string;
  partId: string;
  partDescription: string;
  supplierPartNumbers: string[];
  lineName: string;
  start: number;
  end: number;
  durationMinutes: number;
  /** The truck whose goods would end the stoppage, if one is on its way. */
  endingDelivery: { id: string; noticeNumber: string | null; eta: number } | null;
}

export interface RenderedNotice {
  subject: string;
  /** Plain text, lines separated by \n. */
  body: string;
  /** The JSON a webhook receives (without the envelope the sender adds). */
  payload: Record<string, unknown>;
}

/** Germany and Austria are written to in German by default; everyone else in English. */
export function defaultLanguage(countryCode: string): NoticeLanguage {
  return ['DE', 'AT'].includes(countryCode.toUpperCase()) ? 'de' : 'en';
}
