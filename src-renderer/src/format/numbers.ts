import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from './locale';
import { MISSING } from './plantTime';

export interface NumberFormatters {
  /** "1.250" (de) / "1,250" (en). */
  formatNumber(value: number | null | undefined, fractionDigits?: number): string;
  /** A share 0…1 as "93 %" (de) / "93%" (en). */
  formatPercent(value: number | null | undefined): string;
  /** A signed difference: "+5", "−20", "0". */
  formatSigned(value: number | null | undefined): string;
}

export function numberFormatters(locale: string): NumberFormatters {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const missing = (value: number | null | undefined): value is null | undefined =>
    value === null || value === undefined || !Number.isFinite(value);
  return {
    formatNumber: (value, fractionDigits = 0) =>
      missing(value)
        ? MISSING
        : fractionDigits === 0
          ? integer.format(value)
          : new Intl.NumberFormat(locale, {
              minimumFractionDigits: fractionDigits,
              maximumFractionDigits: fractionDigits,
            }).format(value),
    formatPercent: (value) => (missing(value) ? MISSING : percent.format(value)),
    // A real minus sign (U+2212) lines up with the plus in tabular columns.
    formatSigned: (value) =>
      missing(value)
        ? MISSING
        : value > 0
          ? `+${integer.format(value)}`
          : value < 0
            ? `−${integer.format(-value)}`
            : '0',
  };
}

/** Number formatting in the interface language. */
export function useNumberFormat(): NumberFormatters {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return useMemo(() => numberFormatters(locale), [locale]);
}
