import type { TFunction } from 'i18next';
import type { SlotConflict } from './dockTypes';

/** A conflict the server found on a slot, as a sentence. */
export function conflictText(t: TFunction<'docks'>, conflict: SlotConflict): string {
  if (conflict.kind === 'overlap') return t('conflictText.overlap', { other: conflict.withDeliveryId ?? '' });
  if (conflict.kind === 'capability')
    return t('conflictText.capability', {
      capability: t(`capability.${conflict.capability ?? ''}`, conflict.capability ?? ''),
    });
  return t('conflictText.closed');
}
