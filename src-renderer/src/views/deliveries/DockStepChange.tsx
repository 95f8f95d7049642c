import { useTranslation } from 'react-i18next';
import { formatMinutes } from '../../format/duration';
import { usePlantFormat } from '../../format/plantTime';

// What a slot, gate or dock entry of the event log changed, in one line: the slot's old and new
// door and time, how a truck was checked in, the short item lines of an unloading, the dwell time.

type Details = Record<string, unknown>;

const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

interface ReceivedLine {
  announced: number;
  received: number;
}

function receivedLines(value: unknown): ReceivedLine[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const announced = num((item as Details).announced);
    const received = num((item as Details).received);
    return announced === null || received === null ? [] : [{ announced, received }];
  });
}

/** Whether DockStepChange has something to say about this entry. */
export function isDockStep(kind: string): boolean {
  return /^(slot|gate|dock)\./.test(kind) || kind === 'delivery.delayed';
}

export function DockStepChange({ kind, details }: { kind: string; details: Details }) {
  const { t } = useTranslation('deliveries');
  const { formatDateTime, formatTime } = usePlantFormat();

  if (kind.startsWith('slot.')) {
    const fromStart = num(details.fromStart);
    const toStart = num(details.toStart);
    const from = [text(details.fromDoorId), fromStart === null ? null : formatDateTime(fromStart)];
    const to = [text(details.toDoorId), toStart === null ? null : formatDateTime(toStart)];
    return (
      <span className="history__change num">
        {from.filter(Boolean).join(' · ') || '–'} → {to.filter(Boolean).join(' · ') || '–'}
      </span>
    );
  }
  if (kind === 'gate.checked_in' && text(details.by)) {
    return <span className="history__change">{t(`history.by_way.${text(details.by)}`)}</span>;
  }
  if (kind === 'gate.door_assigned' && text(details.toDoorId)) {
    return <span className="history__change">{text(details.toDoorId)}</span>;
  }
  if (kind === 'dock.unloaded') {
    const lines = receivedLines(details.items);
    const announced = lines.reduce((sum, line) => sum + line.announced, 0);
    const received = lines.reduce((sum, line) => sum + line.received, 0);
    const short = lines.filter((line) => line.received < line.announced).length;
    return (
      <span className="history__change num">
        {t('history.received', { received, announced })}
        {short > 0 ? ` · ${t('history.itemsShort', { count: short })}` : ''}
      </span>
    );
  }
  if (kind === 'gate.checked_out' && num(details.dwellMinutes) !== null) {
    return (
      <span className="history__change num">
        {t('history.dwell', { minutes: formatMinutes(num(details.dwellMinutes)) })}
      </span>
    );
  }
  if (kind === 'delivery.delayed' && num(details.eta) !== null) {
    return (
      <span className="history__change num">
        {t('history.newEta', { time: formatTime(num(details.eta) ?? 0) })}
        {text(details.reason) ? ` · ${text(details.reason)}` : ''}
      </span>
    );
  }
  return null;
}
