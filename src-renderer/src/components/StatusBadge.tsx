import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '../../../src-main/db/schema';
import type { Punctuality, PunctualityClass } from '../../../src-main/domain/punctuality';
import { formatLateness } from '../format/duration';
import { DELIVERY_STATUS_TONE, PUNCTUALITY_TONE, type StatusTone } from './statusTones';

interface BadgeProps {
  tone: StatusTone;
  label: string;
  kind: string;
  detail?: string | undefined;
  /** Colours the detail red even when the badge's tone is not (a late arrival already at the plant). */
  detailLate?: boolean;
}

function Badge({ tone, label, kind, detail, detailLate = false }: BadgeProps) {
  return (
    <span className={`badge badge--${tone}`} data-tone={tone} data-status={kind}>
      <span className="badge__dot" aria-hidden="true" />
      <span className="badge__label">{label}</span>
      {detail ? (
        <span className={detailLate ? 'badge__detail badge__detail--late' : 'badge__detail'}>{detail}</span>
      ) : null}
    </span>
  );
}

/** A delivery's status (announced … departed, cancelled) in the app's status colours. */
export function StatusBadge({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation('common');
  return <Badge tone={DELIVERY_STATUS_TONE[status]} label={t(`status.${status}`)} kind={status} />;
}

/**
 * How a delivery stands against its slot window. Takes the `punctuality` object the API returns
 * (class + minutesLate) or just a class (legends). Minutes late are appended when positive, unless
 * `showMinutes` is false.
 */
export function PunctualityBadge({
  punctuality,
  showMinutes = true,
}: {
  punctuality: Punctuality | PunctualityClass;
  showMinutes?: boolean;
}) {
  const { t } = useTranslation('common');
  const value = typeof punctuality === 'string' ? { class: punctuality, minutesLate: null } : punctuality;
  const late = value.minutesLate !== null && value.minutesLate > 0 && value.class !== 'cancelled';
  return (
    <Badge
      tone={PUNCTUALITY_TONE[value.class]}
      label={t(`punctuality.${value.class}`)}
      kind={value.class}
      detail={showMinutes && late ? formatLateness(value.minutesLate) : undefined}
      // A truck already in the plant keeps its blue or grey, but a late arrival still shows in red.
      detailLate={value.class !== 'late'}
    />
  );
}
