import { describe, expect, it } from 'vitest';
import {
  type DeliveryFacts,
  defaultLanguage,
  type PlantFacts,
} from '../../src-main/services/partnerNotices/noticeTypes';
import { localIso, localWindow } from '../../src-main/services/partnerNotices/plantLocalText';
import { renderNotice } from '../../src-main/services/partnerNotices/templates';

const plant: PlantFacts = { name: 'Werk Gaimersheim', timeZone: 'Europe/Berlin' };
// 09:00 UTC on Friday 27 November 2026 is 10:00 in Gaimersheim (CET, UTC+1).
const slotStart = Date.UTC(2026, 10, 27, 9, 0);
const MINUTE = 60_000;

const delivery: DeliveryFacts = {
  id: 'D-1',
  noticeNumber: 'ASN-4711',
  truckPlate: 'PZ 1234',
  supplierName: 'Kabelwerk Pilsen',
  carrierName: 'Spedition Huber',
  doorName: 'Tor 3',
  slotStart,
  slotEnd: slotStart + 30 * MINUTE,
  items: [
    {
      partId: '4711-001',
      supplierPartNumber: 'KW-88',
      description: 'Kabelbaum Tür links',
      quantity: 200,
      unit: 'ST',
    },
  ],
};

describe('slot confirmation', () => {
  it('speaks German with plant-local times', () => {
    const notice = renderNotice({ kind: 'slot_confirmation', delivery }, plant, 'de');
    expect(notice.subject).toBe(
      'Slotbestätigung: Anlieferung ASN-4711 am Fr 27.11.2026, 10:00–10:30 Uhr, Tor 3',
    );
    expect(notice.body).toContain('Zeitfenster: Fr 27.11.2026, 10:00–10:30 Uhr');
    expect(notice.body).toContain('  - 4711-001 (Ihre Sachnummer KW-88) Kabelbaum Tür links: 200 ST');
    expect(notice.body).toContain('Alle Zeiten in Ortszeit des Werks (Europe/Berlin).');
    expect(notice.payload).toMatchObject({
      kind: 'slot_confirmation',
      delivery: { noticeNumber: 'ASN-4711', slotStart: '2026-11-27T10:00:00+01:00', door: 'Tor 3' },
    });
  });

  it('speaks English with the same plant-local times', () => {
    const notice = renderNotice({ kind: 'slot_confirmation', delivery }, plant, 'en');
    expect(notice.subject).toBe(
      'Slot confirmation: delivery ASN-4711 on Fri 27 Nov 2026, 10:00–10:30, Tor 3',
    );
    expect(notice.body).toContain('Time slot: Fri 27 Nov 2026, 10:00–10:30');
    expect(notice.body).toContain('(your part number KW-88)');
    expect(notice.body).toContain('All times are plant-local (Europe/Berlin).');
  });

  it('follows the plant, not the machine: the same instant reads otherwise in another zone', () => {
    const lisbon = renderNotice(
      { kind: 'slot_confirmation', delivery },
      { ...plant, timeZone: 'Europe/Lisbon' },
      'en',
    );
    expect(lisbon.subject).toContain('09:00–09:30');
  });
});

describe('slot change', () => {
  const previous = { doorName: 'Tor 1', slotStart: slotStart - 90 * MINUTE };
  it('names the new and the former slot in German', () => {
    const notice = renderNotice({ kind: 'slot_change', delivery, previous }, plant, 'de');
    expect(notice.subject).toBe(
      'Slotänderung: Anlieferung ASN-4711 jetzt am Fr 27.11.2026, 10:00–10:30 Uhr, Tor 3',
    );
    expect(notice.body).toContain('Neu: Fr 27.11.2026, 10:00–10:30 Uhr, Tor 3');
    expect(notice.body).toContain('Bisher: Fr 27.11.2026, 08:30 Uhr, Tor 1');
    expect(notice.payload).toMatchObject({
      previous: { door: 'Tor 1', slotStart: '2026-11-27T08:30:00+01:00' },
    });
  });

  it('and in English', () => {
    const notice = renderNotice({ kind: 'slot_change', delivery, previous }, plant, 'en');
    expect(notice.subject).toBe('Slot change: delivery ASN-4711 now on Fri 27 Nov 2026, 10:00–10:30, Tor 3');
    expect(notice.body).toContain('Before: Fri 27 Nov 2026, 08:30, Tor 1');
  });
});

describe('delay acknowledgement', () => {
  const eta = slotStart + 75 * MINUTE;
  it('confirms the new ETA and the reason in German', () => {
    const notice = renderNotice({ kind: 'delay_ack', delivery, eta, reason: 'Stau A9' }, plant, 'de');
    expect(notice.subject).toBe(
      'Verspätung erhalten: Anlieferung ASN-4711, neue ETA Fr 27.11.2026, 11:15 Uhr',
    );
    expect(notice.body).toContain('Voraussichtliche Ankunft (ETA): Fr 27.11.2026, 11:15 Uhr');
    expect(notice.body).toContain('Grund: Stau A9');
    expect(notice.payload).toMatchObject({ eta: '2026-11-27T11:15:00+01:00', reason: 'Stau A9' });
  });

  it('and in English, leaving out a missing reason', () => {
    const notice = renderNotice({ kind: 'delay_ack', delivery, eta, reason: null }, plant, 'en');
    expect(notice.subject).toBe('Delay received: delivery ASN-4711, new ETA Fri 27 Nov 2026, 11:15');
    expect(notice.body).not.toContain('Reason');
  });
});

describe('shortage alert', () => {
  const shortage = {
    stoppageId: 'L1:4711-002:O-2',
    partId: '4711-002',
    partDescription: 'Kabelbaum Tür rechts',
    supplierPartNumbers: ['KW-89'],
    lineName: 'Linie 1',
    start: slotStart + 35 * MINUTE,
    end: slotStart + 80 * MINUTE,
    durationMinutes: 45,
    endingDelivery: { id: 'D-2', noticeNumber: 'ASN-D-2', eta: slotStart + 30 * MINUTE },
  };
  it('warns the supplier in German', () => {
    const notice = renderNotice({ kind: 'shortage_alert', shortage }, plant, 'de');
    expect(notice.subject).toBe(
      'Materialengpass: Teil 4711-002 – Bandstillstand Linie 1 ab Fr 27.11.2026, 10:35 Uhr',
    );
    expect(notice.body).toContain('Teil: 4711-002 (Ihre Sachnummer KW-89) Kabelbaum Tür rechts');
    expect(notice.body).toContain('Voraussichtliche Dauer: 45 min');
    expect(notice.body).toContain(
      'Die Anlieferung ASN-D-2 (ETA Fr 27.11.2026, 10:30 Uhr) würde den Engpass beenden.',
    );
    expect(notice.payload).toMatchObject({ stoppageId: 'L1:4711-002:O-2', durationMinutes: 45 });
  });

  it('and in English, also without a truck on its way', () => {
    const notice = renderNotice(
      { kind: 'shortage_alert', shortage: { ...shortage, endingDelivery: null } },
      plant,
      'en',
    );
    expect(notice.subject).toBe('Shortage alert: part 4711-002 – Linie 1 stops from Fri 27 Nov 2026, 10:35');
    expect(notice.body).toContain('No delivery on its way would end the shortage at present.');
    expect(notice.payload).toMatchObject({ endingDelivery: null });
  });
});

describe('plant-local text', () => {
  it('gives the summer offset after the change to daylight-saving time', () => {
    expect(localIso(Date.UTC(2026, 6, 1, 6, 0), 'Europe/Berlin')).toBe('2026-07-01T08:00:00+02:00');
  });

  it('names both days of a window across midnight', () => {
    const start = Date.UTC(2026, 10, 27, 22, 45);
    expect(localWindow(start, start + 30 * MINUTE, 'Europe/Berlin', 'de')).toBe(
      'Fr 27.11.2026, 23:45 Uhr – Sa 28.11.2026, 00:15 Uhr',
    );
  });

  it('writes German to partners in Germany and Austria, English to the others', () => {
    expect(['DE', 'at', 'CZ', 'PL', 'IT'].map(defaultLanguage)).toEqual(['de', 'de', 'en', 'en', 'en']);
  });
});
