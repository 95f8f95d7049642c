import type { TFunction } from 'i18next';
import { formatMinutes } from '../../format/duration';
import type { Recommendation } from './types';

type Sentence = Recommendation['sentence'];

interface SentenceFormat {
  /** A plant-local time, with its weekday when it is not today. */
  formatWhen: (ms: number) => string;
  formatNumber: (value: number) => string;
}

function truckOf(params: { truckPlate: string | null; noticeNumber: string | null; deliveryId: string }) {
  return params.truckPlate ?? params.noticeNumber ?? params.deliveryId;
}

/** Minutes that read the same on screen are the same to a planner. */
const sameMinute = (a: number, b: number) => Math.round(a) === Math.round(b);

function stoppageEffect(t: TFunction<'lines'>, before: number, after: number, line: string): string {
  if (Math.round(after) <= 0) return t('sentence.effect.noStoppage', { line, before: formatMinutes(before) });
  return t('sentence.effect.stoppage', { line, before: formatMinutes(before), after: formatMinutes(after) });
}

/**
 * The proposal's one sentence in the interface language, built from its key and values, so a
 * German planner reads German ("fa-… vor fa-… auf Linie 2 fertigen: kein Bandstillstand statt 47 min").
 */
export function recommendationSentence(
  t: TFunction<'lines'>,
  sentence: Sentence,
  format: SentenceFormat,
): string {
  switch (sentence.key) {
    case 'resequence': {
      const p = sentence.params;
      const clause =
        p.relation === 'onto' || p.toLineName
          ? t('sentence.resequence.onto', {
              order: p.orderId,
              line: p.lineName,
              toLine: p.toLineName ?? p.lineName,
            })
          : t(`sentence.resequence.${p.relation}`, {
              order: p.orderId,
              reference: p.referenceOrderId ?? '–',
              line: p.lineName,
            });
      const more = p.ordersMoved > 1 ? t('sentence.resequence.more', { count: p.ordersMoved - 1 }) : '';
      const effects: string[] = [];
      if (sameMinute(p.stoppageMinutesBefore, p.stoppageMinutesAfter)) {
        if (Math.round(p.stoppageMinutesAfter) > 0) {
          effects.push(t('sentence.effect.stoppageStays', { after: formatMinutes(p.stoppageMinutesAfter) }));
        }
      } else {
        effects.push(
          Math.round(p.stoppageMinutesAfter) <= 0
            ? t('sentence.effect.noStoppageShort', { before: formatMinutes(p.stoppageMinutesBefore) })
            : t('sentence.effect.stoppageShort', {
                before: formatMinutes(p.stoppageMinutesBefore),
                after: formatMinutes(p.stoppageMinutesAfter),
              }),
        );
      }
      if (p.unproducedUnitsAfter !== p.unproducedUnitsBefore) {
        effects.push(
          t('sentence.effect.unproduced', {
            before: format.formatNumber(p.unproducedUnitsBefore),
            after: format.formatNumber(p.unproducedUnitsAfter),
          }),
        );
      }
      if (!sameMinute(p.tardinessMinutesAfter, p.tardinessMinutesBefore)) {
        effects.push(
          Math.round(p.tardinessMinutesAfter) <= 0
            ? t('sentence.effect.noTardiness', { before: formatMinutes(p.tardinessMinutesBefore) })
            : t('sentence.effect.tardiness', {
                before: formatMinutes(p.tardinessMinutesBefore),
                after: formatMinutes(p.tardinessMinutesAfter),
              }),
        );
      }
      if (p.setupsDelta > 0) effects.push(t('sentence.effect.moreSetups', { count: p.setupsDelta }));
      if (p.setupsDelta < 0) effects.push(t('sentence.effect.fewerSetups', { count: -p.setupsDelta }));
      const body = `${clause}${more}: ${effects.length ? effects.join('; ') : t('sentence.effect.none')}.`;
      return p.manual ? `${t('sentence.resequence.manual')} ${body}` : body;
    }
    case 'dock_priority': {
      const p = sentence.params;
      return t('sentence.dockPriority', {
        truck: truckOf(p),
        supplier: p.supplierName,
        part: p.partId,
        door: p.doorName,
        effect: stoppageEffect(t, p.stoppageMinutesBefore, p.stoppageMinutesAfter, p.lineName),
      });
    }
    case 'expedite': {
      const p = sentence.params;
      return t('sentence.expedite', {
        truck: truckOf(p),
        supplier: p.supplierName,
        part: p.partId,
        time: format.formatWhen(p.arriveBy),
        effect: stoppageEffect(t, p.stoppageMinutesBefore, p.stoppageMinutesAfter, p.lineName),
      });
    }
  }
}
