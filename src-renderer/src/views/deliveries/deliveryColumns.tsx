import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../components/DataTable';
import { PunctualityBadge, StatusBadge } from '../../components/StatusBadge';
import type { PlantTimeFormatters } from '../../format/plantTime';
import { hrefOf } from '../../router/routes';
import type { DeliveryRow } from './types';

/** The ETA cell: the actual gate check-in once there, else the ETA with its source and spread. */
function EtaCell({ row, formatTime }: { row: DeliveryRow; formatTime: (ms: number) => string }) {
  const { t } = useTranslation(['deliveries', 'common']);
  if (row.gateInAt !== null) {
    return (
      <span className="eta" title={t('eta.actualLong')}>
        <span className="num">{formatTime(row.gateInAt)}</span>
        <span className="eta__source">{t('eta.actual')}</span>
      </span>
    );
  }
  if (row.eta === null) return <span className="faint">{t('eta.none')}</span>;
  const source = row.etaSource ? t(`common:etaSource.${row.etaSource}`) : null;
  const spread = row.etaConfidenceMinutes ? t('eta.confidence', { minutes: row.etaConfidenceMinutes }) : null;
  // Source and spread in one tag: "GPS ±5 min" reads as one statement about how sure the ETA is.
  const tag = [source, spread].filter(Boolean).join(' ');
  return (
    <span className="eta" title={source ? t('eta.source', { source }) : undefined}>
      <span className="num">{formatTime(row.eta)}</span>
      {tag ? <span className="eta__source">{tag}</span> : null}
    </span>
  );
}

/** The deliveries list's columns; `className` lets narrow layouts drop the less urgent ones. */
export function deliveryColumns(
  t: TFunction<'deliveries'>,
  format: PlantTimeFormatters,
): Column<DeliveryRow>[] {
  const { formatTime } = format;
  return [
    {
      key: 'notice',
      header: t('columns.notice'),
      cell: (row) => (
        <a className="mono delivery-link" href={hrefOf('deliveries', row.id)} tabIndex={-1}>
          {row.noticeNumber ?? row.id}
        </a>
      ),
    },
    {
      key: 'supplier',
      header: t('columns.supplier'),
      className: 'col-name col-name--wide',
      cell: (row) => (
        <span
          className="ellipsis"
          title={row.carrierName ? `${row.supplierName} · ${row.carrierName}` : row.supplierName}
        >
          {row.supplierName}
        </span>
      ),
    },
    {
      key: 'carrier',
      header: t('columns.carrier'),
      className: 'col-tier-1 col-name',
      cell: (row) => (
        <span className="ellipsis" title={row.carrierName ?? undefined}>
          {row.carrierName ?? <span className="faint">{t('noCarrier')}</span>}
        </span>
      ),
    },
    {
      key: 'plate',
      header: t('columns.plate'),
      className: 'col-tier-2',
      cell: (row) =>
        row.truckPlate ? <span className="plate">{row.truckPlate}</span> : <span className="faint">–</span>,
    },
    {
      key: 'door',
      header: t('columns.door'),
      className: 'col-tier-2',
      cell: (row) => row.doorName ?? <span className="faint">{t('noDoor')}</span>,
    },
    {
      key: 'slot',
      header: t('columns.slot'),
      cell: (row) => (
        <span className="num">
          {formatTime(row.slotStart)}–{formatTime(row.slotEnd)}
        </span>
      ),
    },
    {
      key: 'eta',
      header: t('columns.eta'),
      className: 'col-tier-3',
      cell: (row) => <EtaCell row={row} formatTime={formatTime} />,
    },
    {
      key: 'status',
      header: t('columns.status'),
      className: 'col-tier-4',
      cell: (row) => <StatusBadge status={row.status} />,
    },
    {
      key: 'punctuality',
      header: t('columns.punctuality'),
      cell: (row) => <PunctualityBadge punctuality={row.punctuality} />,
    },
  ];
}
