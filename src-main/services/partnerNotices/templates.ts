import type {
  DeliveryFacts,
  NoticeFacts,
  NoticeLanguage,
  PlantFacts,
  RenderedNotice,
  ShortageFacts,
} from './noticeTypes';
import { localDateTime, localIso, localWindow } from './plantLocalText';

// The notice templates, German and English. Pure: the same facts give the same text, so the
// preview in the partner view shows exactly what the partner gets.

type Lines = (string | null)[];
const text = (lines: Lines) => lines.filter((line): line is string => line !== null).join('\n');

function reference(delivery: DeliveryFacts): string {
  return delivery.noticeNumber ?? delivery.id;
}

function itemLines(delivery: DeliveryFacts, language: NoticeLanguage): Lines {
  if (delivery.items.length === 0) return [];
  return [
    language === 'de' ? 'Positionen:' : 'Items:',
    ...delivery.items.map((item) => {
      const theirs = item.supplierPartNumber
        ? language === 'de'
          ? ` (Ihre Sachnummer ${item.supplierPartNumber})`
          : ` (your part number ${item.supplierPartNumber})`
        : '';
      return `  - ${item.partId}${theirs} ${item.description}: ${item.quantity} ${item.unit}`;
    }),
  ];
}

function deliveryLines(delivery: DeliveryFacts, language: NoticeLanguage): Lines {
  const de = language === 'de';
  return [
    `${de ? 'Lieferavis' : 'Shipping notice'}: ${reference(delivery)}`,
    `${de ? 'Lieferant' : 'Supplier'}: ${delivery.supplierName}`,
    delivery.carrierName ? `${de ? 'Spediteur' : 'Carrier'}: ${delivery.carrierName}` : null,
    delivery.truckPlate ? `${de ? 'Kennzeichen' : 'Truck plate'}: ${delivery.truckPlate}` : null,
    ...itemLines(delivery, language),
  ];
}

function footer(plant: PlantFacts, language: NoticeLanguage): Lines {
  return language === 'de'
    ? [
        '',
        `Alle Zeiten in Ortszeit des Werks (${plant.timeZone}).`,
        `Diese Nachricht wurde automatisch vom Leitstand ${plant.name} erstellt.`,
      ]
    : [
        '',
        `All times are plant-local (${plant.timeZone}).`,
        `This message was generated automatically by the control room of ${plant.name}.`,
      ];
}

function deliveryPayload(delivery: DeliveryFacts, plant: PlantFacts) {
  return {
    deliveryId: delivery.id,
    noticeNumber: delivery.noticeNumber,
    truckPlate: delivery.truckPlate,
    door: delivery.doorName,
    slotStart: localIso(delivery.slotStart, plant.timeZone),
    slotEnd: localIso(delivery.slotEnd, plant.timeZone),
    items: delivery.items.map((item) => ({
      partId: item.partId,
      supplierPartNumber: item.supplierPartNumber,
      quantity: item.quantity,
      unit: item.unit,
    })),
  };
}

function slotConfirmation(delivery: DeliveryFacts, plant: PlantFacts, language: NoticeLanguage) {
  const window = localWindow(delivery.slotStart, delivery.slotEnd, plant.timeZone, language);
  const door = delivery.doorName ?? (language === 'de' ? 'Tor folgt' : 'door to follow');
  const de = language === 'de';
  return {
    subject: de
      ? `Slotbestätigung: Anlieferung ${reference(delivery)} am ${window}, ${door}`
      : `Slot confirmation: delivery ${reference(delivery)} on ${window}, ${door}`,
    body: text([
      de ? 'Guten Tag,' : 'Hello,',
      '',
      de
        ? `wir bestätigen das Zeitfenster für Ihre Anlieferung ${reference(delivery)} im ${plant.name}:`
        : `we confirm the time slot for your delivery ${reference(delivery)} at ${plant.name}:`,
      '',
      `${de ? 'Zeitfenster' : 'Time slot'}: ${window}`,
      `${de ? 'Tor' : 'Dock door'}: ${door}`,
      ...deliveryLines(delivery, language),
      '',
      de
        ? 'Bitte melden Sie sich bei Ankunft an der Werkstor-Anmeldung.'
        : 'Please check in at the plant gate on arrival.',
      ...footer(plant, language),
    ]),
    payload: { kind: 'slot_confirmation', plant: plant.name, delivery: deliveryPayload(delivery, plant) },
  };
}

function slotChange(
  delivery: DeliveryFacts,
  previous: { doorName: string | null; slotStart: number },
  plant: PlantFacts,
  language: NoticeLanguage,
) {
  const de = language === 'de';
  const window = localWindow(delivery.slotStart, delivery.slotEnd, plant.timeZone, language);
  const door = delivery.doorName ?? (de ? 'Tor folgt' : 'door to follow');
  const before = `${localDateTime(previous.slotStart, plant.timeZone, language)}, ${previous.doorName ?? '–'}`;
  return {
    subject: de
      ? `Slotänderung: Anlieferung ${reference(delivery)} jetzt am ${window}, ${door}`
      : `Slot change: delivery ${reference(delivery)} now on ${window}, ${door}`,
    body: text([
      de ? 'Guten Tag,' : 'Hello,',
      '',
      de
        ? `das Zeitfenster Ihrer Anlieferung ${reference(delivery)} im ${plant.name} hat sich geändert.`
        : `the time slot of your delivery ${reference(delivery)} at ${plant.name} has changed.`,
      '',
      `${de ? 'Neu' : 'New'}: ${window}, ${door}`,
      `${de ? 'Bisher' : 'Before'}: ${before}`,
      ...deliveryLines(delivery, language),
      '',
      de
        ? 'Bitte planen Sie die Ankunft für das neue Zeitfenster.'
        : 'Please plan the arrival for the new slot.',
      ...footer(plant, language),
    ]),
    payload: {
      kind: 'slot_change',
      plant: plant.name,
      delivery: deliveryPayload(delivery, plant),
      previous: { door: previous.doorName, slotStart: localIso(previous.slotStart, plant.timeZone) },
    },
  };
}

function delayAck(
  delivery: DeliveryFacts,
  eta: number,
  reason: string | null,
  plant: PlantFacts,
  language: NoticeLanguage,
) {
  const de = language === 'de';
  const etaText = localDateTime(eta, plant.timeZone, language);
  const window = localWindow(delivery.slotStart, delivery.slotEnd, plant.timeZone, language);
  return {
    subject: de
      ? `Verspätung erhalten: Anlieferung ${reference(delivery)}, neue ETA ${etaText}`
      : `Delay received: delivery ${reference(delivery)}, new ETA ${etaText}`,
    body: text([
      de ? 'Guten Tag,' : 'Hello,',
      '',
      de
        ? `vielen Dank für Ihre Meldung. Wir haben die Verspätung Ihrer Anlieferung ${reference(delivery)} erfasst.`
        : `thank you for letting us know. We have recorded the delay of your delivery ${reference(delivery)}.`,
      '',
      `${de ? 'Voraussichtliche Ankunft (ETA)' : 'Expected arrival (ETA)'}: ${etaText}`,
      `${de ? 'Gebuchtes Zeitfenster' : 'Booked time slot'}: ${window}`,
      reason ? `${de ? 'Grund' : 'Reason'}: ${reason}` : null,
      ...deliveryLines(delivery, language),
      '',
      de
        ? 'Sollte sich die Ankunftszeit erneut ändern, informieren Sie uns bitte umgehend.'
        : 'Should the arrival time change again, please let us know at once.',
      ...footer(plant, language),
    ]),
    payload: {
      kind: 'delay_ack',
      plant: plant.name,
      delivery: deliveryPayload(delivery, plant),
      eta: localIso(eta, plant.timeZone),
      reason,
    },
  };
}

function shortageAlert(shortage: ShortageFacts, plant: PlantFacts, language: NoticeLanguage) {
  const de = language === 'de';
  const start = localDateTime(shortage.start, plant.timeZone, language);
  const theirs = shortage.supplierPartNumbers.length
    ? ` (${de ? 'Ihre Sachnummer' : 'your part number'} ${shortage.supplierPartNumbers.join(', ')})`
    : '';
  const truck = shortage.endingDelivery;
  return {
    subject: de
      ? `Materialengpass: Teil ${shortage.partId} – Bandstillstand ${shortage.lineName} ab ${start}`
      : `Shortage alert: part ${shortage.partId} – ${shortage.lineName} stops from ${start}`,
    body: text([
      de ? 'Guten Tag,' : 'Hello,',
      '',
      de
        ? `im ${plant.name} droht ein Bandstillstand wegen eines Fehlteils aus Ihrer Lieferung.`
        : `${plant.name} expects a line stoppage for lack of a part you supply.`,
      '',
      `${de ? 'Teil' : 'Part'}: ${shortage.partId}${theirs} ${shortage.partDescription}`,
      `${de ? 'Linie' : 'Line'}: ${shortage.lineName}`,
      `${de ? 'Stillstand ab' : 'Stoppage from'}: ${start}`,
      `${de ? 'Voraussichtliche Dauer' : 'Expected duration'}: ${Math.round(shortage.durationMinutes)} min`,
      truck
        ? de
          ? `Die Anlieferung ${truck.noticeNumber ?? truck.id} (ETA ${localDateTime(truck.eta, plant.timeZone, language)}) würde den Engpass beenden.`
          : `Delivery ${truck.noticeNumber ?? truck.id} (ETA ${localDateTime(truck.eta, plant.timeZone, language)}) would end the shortage.`
        : de
          ? 'Derzeit ist keine Anlieferung unterwegs, die den Engpass beendet.'
          : 'No delivery on its way would end the shortage at present.',
      '',
      de
        ? 'Bitte prüfen Sie, ob Sie früher liefern können (Eilanforderung), und melden Sie sich beim Leitstand.'
        : 'Please check whether you can deliver earlier (expedite) and contact the control room.',
      ...footer(plant, language),
    ]),
    payload: {
      kind: 'shortage_alert',
      plant: plant.name,
      stoppageId: shortage.stoppageId,
      partId: shortage.partId,
      supplierPartNumbers: shortage.supplierPartNumbers,
      line: shortage.lineName,
      start: localIso(shortage.start, plant.timeZone),
      end: localIso(shortage.end, plant.timeZone),
      durationMinutes: shortage.durationMinutes,
      endingDelivery: truck
        ? { deliveryId: truck.id, noticeNumber: truck.noticeNumber, eta: localIso(truck.eta, plant.timeZone) }
        : null,
    },
  };
}

export function renderNotice(
  facts: NoticeFacts,
  plant: PlantFacts,
  language: NoticeLanguage,
): RenderedNotice {
  switch (facts.kind) {
    case 'slot_confirmation':
      return slotConfirmation(facts.delivery, plant, language);
    case 'slot_change':
      return slotChange(facts.delivery, facts.previous, plant, language);
    case 'delay_ack':
      return delayAck(facts.delivery, facts.eta, facts.reason, plant, language);
    case 'shortage_alert':
      return shortageAlert(facts.shortage, plant, language);
  }
}
