import type { TFunction } from 'i18next';
import type { ProcedureOutput } from '../../../src-main/api/contract';
import { localeOf } from '../format/locale';
import i18next from '../i18n/index';

export type PlantAlert = ProcedureOutput<'alerts.list'>[number];

/**
 * The alert's sentence in the interface language; the server sends only its kind and values.
 * Quantities are formatted for the language ("1.250" in German), a missing plate is said so.
 */
export function alertText(
  alert: PlantAlert,
  t: TFunction<'common'>,
  language: string = i18next.language,
): string {
  const numbers = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 0 });
  const params: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(alert.params)) {
    params[key] = typeof value === 'number' ? numbers.format(value) : value;
  }
  if ('plate' in params && params.plate === null) params.plate = t('alerts.unknownPlate');
  return t(`alerts.${alert.kind}`, params);
}
