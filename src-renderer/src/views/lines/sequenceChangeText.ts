import type { TFunction } from 'i18next';

/** One order's move between two sequences, as proposals and drafts both list it. */
export interface SequenceChangeLike {
  fromLine: string;
  toLine: string;
  fromIndex: number;
  toIndex: number;
}

/** "Line 2: position 4 → 2" or "Line 1 → Line 2, position 3", in the interface's language. */
export function sequenceChangeText(
  t: TFunction<'lines'>,
  lineName: (id: string) => string,
  change: SequenceChangeLike,
): string {
  return change.fromLine === change.toLine
    ? t('recommendations.moveWithin', {
        line: lineName(change.toLine),
        from: change.fromIndex + 1,
        to: change.toIndex + 1,
      })
    : t('recommendations.moveAcross', {
        fromLine: lineName(change.fromLine),
        toLine: lineName(change.toLine),
        to: change.toIndex + 1,
      });
}
