import { localParts } from '../../domain/plantTime';
import type { Metrics } from '../../domain/reschedule/types';
import type { DockPrioritySentence, ExpediteSentence, ResequenceSentence } from './types';

// The one plain sentence each proposal carries, in English for the stored summary. The view says
// the same in German or English from the sentence's key and values (payload.sentence).

const minutes = (value: number) => `${Math.round(value)} min`;
const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const count = (value: number) => NUMBER_WORDS[value] ?? String(value);

/** "14:20" in the plant's time zone. */
export function plantClock(at: number, timeZone: string): string {
  const { hour, minute } = localParts(at, timeZone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** What the line's stoppage becomes, e.g. "no stoppage instead of 47 min". */
function stoppageEffect(before: number, after: number): string | null {
  if (Math.round(before) === Math.round(after)) return null;
  if (Math.round(after) === 0) return `no stoppage instead of ${minutes(before)}`;
  return `${minutes(after)} stoppage instead of ${minutes(before)}`;
}

/** The metric deltas in plain words, most important first. */
export function metricEffects(before: Metrics, after: Metrics): string[] {
  const effects: string[] = [];
  const stoppage = stoppageEffect(before.stoppageMinutes, after.stoppageMinutes);
  if (stoppage) effects.push(stoppage);
  const units = before.unproducedUnits - after.unproducedUnits;
  if (units > 0) effects.push(`${units} more units made within the horizon`);
  if (units < 0) effects.push(`${-units} fewer units made within the horizon`);
  const late = after.tardinessMinutes - before.tardinessMinutes;
  if (Math.round(late) !== 0) {
    effects.push(
      Math.round(after.tardinessMinutes) === 0
        ? `every order on time instead of ${minutes(before.tardinessMinutes)} late`
        : `orders late by ${minutes(after.tardinessMinutes)} in all instead of ${minutes(before.tardinessMinutes)}`,
    );
  }
  const setups = after.setups - before.setups;
  if (setups === 1) effects.push('one extra changeover');
  else if (setups > 1) effects.push(`${count(setups)} extra changeovers`);
  else if (setups === -1) effects.push('one changeover fewer');
  else if (setups < -1) effects.push(`${count(-setups)} changeovers fewer`);
  return effects;
}

export function resequenceSummary(sentence: ResequenceSentence, before: Metrics, after: Metrics): string {
  const p = sentence.params;
  const move =
    p.relation === 'onto'
      ? `Move ${p.orderId} from ${p.lineName} to ${p.toLineName ?? p.lineName}${p.referenceOrderId ? `, before ${p.referenceOrderId}` : ''}`
      : `Run ${p.orderId} ${p.relation} ${p.referenceOrderId} on ${p.lineName}`;
  const others = p.ordersMoved > 1 ? ` (${p.ordersMoved} orders move in all)` : '';
  const effects = metricEffects(before, after);
  const prefix = p.manual ? 'Manual re-sequencing: ' : '';
  return `${prefix}${move}${others}: ${effects.length > 0 ? effects.join('; ') : 'the same outcome'}.`;
}

/** "PZ 123 (KWO-261127-03, Kabelwerk Pilsen)" — whatever of plate and notice is known. */
function truck(plate: string | null, notice: string | null, supplier: string): string {
  const known = [notice, supplier].filter((part): part is string => part !== null).join(', ');
  return plate ? `truck ${plate} (${known})` : `the truck of ${known}`;
}

function lineEffect(line: string, part: string, before: number, after: number): string {
  return Math.round(after) === 0
    ? `${line} keeps running instead of waiting ${minutes(before)} for ${part}`
    : `${line} waits ${minutes(after)} instead of ${minutes(before)} for ${part}`;
}

export function dockPrioritySummary(sentence: DockPrioritySentence): string {
  const p = sentence.params;
  return `Unload ${truck(p.truckPlate, p.noticeNumber, p.supplierName)} first, at ${p.doorName}: ${lineEffect(p.lineName, p.partId, p.stoppageMinutesBefore, p.stoppageMinutesAfter)}.`;
}

export function expediteSummary(sentence: ExpediteSentence): string {
  const p = sentence.params;
  return `Ask ${p.supplierName} to bring ${p.noticeNumber ?? p.deliveryId}${p.truckPlate ? ` (${p.truckPlate})` : ''} by ${p.arriveByLocal}: ${lineEffect(p.lineName, p.partId, p.stoppageMinutesBefore, p.stoppageMinutesAfter)}.`;
}
