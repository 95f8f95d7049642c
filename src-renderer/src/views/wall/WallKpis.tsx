import { useTranslation } from 'react-i18next';

export interface WallKpiValues {
  enRoute: number | null;
  late: number | null;
  /** 0–1, null when nothing has arrived yet today. */
  onTimeRate: number | null;
  onTimeDetail: { onTime: number; arrived: number } | null;
  doorsBusy: number | null;
  doors: number | null;
}

function Kpi({
  name,
  label,
  value,
  detail,
  tone,
}: {
  name: string;
  label: string;
  value: string;
  detail?: string;
  tone?: string;
}) {
  return (
    <div className={`wall-kpi${tone ? ` wall-kpi--${tone}` : ''}`} data-testid={`wall-kpi-${name}`}>
      <span className="wall-kpi__value">{value}</span>
      <span className="wall-kpi__label">{label}</span>
      {detail ? <span className="wall-kpi__detail">{detail}</span> : null}
    </div>
  );
}

const DASH = '–';

/** Four figures the room reads at a glance: en route, late, on time today, doors busy. */
export function WallKpis({ values }: { values: WallKpiValues }) {
  const { t } = useTranslation('wall');
  const rate = values.onTimeRate;
  const rateTone = rate === null ? undefined : rate >= 0.9 ? 'ok' : rate >= 0.75 ? 'warn' : 'bad';
  return (
    <section className="wall-kpis" aria-label={t('kpi.label')}>
      <Kpi
        name="en-route"
        label={t('kpi.enRoute')}
        value={values.enRoute === null ? DASH : String(values.enRoute)}
      />
      <Kpi
        name="late"
        label={t('kpi.late')}
        value={values.late === null ? DASH : String(values.late)}
        {...(values.late ? { tone: 'bad' } : {})}
      />
      <Kpi
        name="on-time"
        label={t('kpi.onTime')}
        value={rate === null ? DASH : `${Math.round(rate * 100)} %`}
        {...(values.onTimeDetail ? { detail: t('kpi.onTimeDetail', values.onTimeDetail) } : {})}
        {...(rateTone ? { tone: rateTone } : {})}
      />
      <Kpi
        name="doors-busy"
        label={t('kpi.doorsBusy')}
        value={values.doorsBusy === null ? DASH : `${values.doorsBusy}/${values.doors ?? DASH}`}
      />
    </section>
  );
}
