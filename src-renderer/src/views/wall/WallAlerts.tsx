import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alertText, type PlantAlert } from '../../components/alertText';

/** Reading speed of the crawl, in CSS pixels per second: slow enough to read from across the room. */
const CRAWL_PX_PER_SECOND = 90;

function AlertItems({ alerts, copy }: { alerts: readonly PlantAlert[]; copy: boolean }) {
  const { t } = useTranslation('common');
  return (
    <ul className="wall-ticker__items" aria-hidden={copy || undefined}>
      {alerts.map((alert) => (
        <li
          key={alert.id}
          className={`wall-ticker__item wall-ticker__item--${alert.severity}`}
          {...(copy
            ? {}
            : { 'data-testid': 'wall-alert', 'data-alert-id': alert.id, 'data-kind': alert.kind })}
        >
          <span className="wall-ticker__badge">{t(`alerts.${alert.severity}`)}</span>
          {alertText(alert, t)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The open alerts as a ticker along the bottom. It crawls only when the alerts do not fit; the
 * list is then drawn twice so the crawl loops without a gap (the copy is hidden from screen readers).
 */
export function WallAlerts({ alerts }: { alerts: readonly PlantAlert[] }) {
  const { t } = useTranslation('wall');
  const viewport = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [crawl, setCrawl] = useState<{ seconds: number } | null>(null);
  const critical = alerts.filter((alert) => alert.severity === 'critical').length;

  useEffect(() => {
    const outer = viewport.current;
    const inner = list.current;
    if (!outer || !inner) return;
    const measure = () => {
      const width = inner.scrollWidth;
      setCrawl(width > outer.clientWidth ? { seconds: Math.round(width / CRAWL_PX_PER_SECOND) } : null);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(outer);
    observer.observe(inner);
    return () => observer.disconnect();
  }, []);

  return (
    <section
      className={`wall-ticker${critical > 0 ? ' wall-ticker--critical' : ''}`}
      data-testid="wall-alerts"
      data-count={alerts.length}
      aria-label={t('alerts.label')}
    >
      <div className="wall-ticker__summary">
        <span className="wall-ticker__count">{alerts.length}</span>
        <span>{t('alerts.open', { count: alerts.length })}</span>
      </div>
      <div className="wall-ticker__viewport" ref={viewport}>
        <div
          className={`wall-ticker__track${crawl ? ' wall-ticker__track--crawl' : ''}`}
          style={crawl ? { animationDuration: `${crawl.seconds}s` } : undefined}
        >
          <div ref={list} className="wall-ticker__lane">
            {alerts.length === 0 ? (
              <p className="wall-ticker__none">{t('alerts.none')}</p>
            ) : (
              <AlertItems alerts={alerts} copy={false} />
            )}
          </div>
          {crawl && alerts.length > 0 ? (
            <div className="wall-ticker__lane">
              <AlertItems alerts={alerts} copy />
            </div>
          ) : null}
        </div>
      </div>
    </section>
  );
}
