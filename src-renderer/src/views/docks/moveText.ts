import type { TFunction } from 'i18next';
import type { PlantTimeFormatters } from '../../format/plantTime';
import type { MoveCheck } from './moveValidation';

/** Why a slot cannot go where it is held, in a sentence for the ghost and the live region. */
export function moveCheckText(t: TFunction<'docks'>, check: MoveCheck, format: PlantTimeFormatters): string {
  if (check.ok) return t('move.fits');
  switch (check.reason) {
    case 'capability':
      return t('move.reason.capability', {
        capability: t(`capability.${check.capability ?? ''}`, check.capability ?? ''),
      });
    case 'overlap':
      return t('move.reason.overlap', {
        plate: check.withSlot?.truckPlate ?? check.withSlot?.noticeNumber ?? '',
        start: format.formatTime(check.withSlot?.slotStart),
        end: format.formatTime(check.withSlot?.slotEnd),
      });
    default:
      return t(`move.reason.${check.reason}`);
  }
}
