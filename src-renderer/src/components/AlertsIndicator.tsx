import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlantFormat } from '../format/plantTime';
import { useProcedure } from '../hooks/useProcedure';
import { hrefOf } from '../router/routes';
import { alertText } from './alertText';
import { Icon } from './icons';

/** The bell in the header: the number of open alerts and, on click, the list of them. */
export function AlertsIndicator() {
  const { t } = useTranslation('common');
  const { formatTime } = usePlantFormat();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const alerts = useProcedure(
    'alerts.list',
    {},
    // Lateness also grows with the clock alone; moved trucks are the cheapest regular nudge.
    {
      refreshOn: ['deliveries.changed', 'stock.changed', 'alerts.changed', 'positions.moved', 'plant.reset'],
      minIntervalMs: 3000,
    },
  );
  const list = alerts.data ?? [];
  const critical = list.some((alert) => alert.severity === 'critical');

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // The deliveries detail also closes on Escape; the open dropdown comes first.
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    window.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  const tone = list.length === 0 ? 'none' : critical ? 'critical' : 'warning';
  return (
    <div className="alerts" ref={root}>
      <button
        ref={button}
        type="button"
        className={`alerts__button alerts__button--${tone}`}
        data-testid="alerts-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('alerts.button', { count: list.length })}
        onClick={() => setOpen((value) => !value)}
      >
        <Icon name="bell" />
        <span className="alerts__count" data-testid="alerts-count">
          {list.length}
        </span>
      </button>
      {open ? (
        <section
          className="alerts__panel"
          id={panelId}
          aria-label={t('alerts.title')}
          data-testid="alerts-panel"
        >
          <h2 className="alerts__title">{t('alerts.title')}</h2>
          {alerts.error ? <p className="alerts__empty">{t('alerts.loadFailed')}</p> : null}
          {!alerts.error && list.length === 0 ? (
            <div className="alerts__empty">
              <strong>{t('alerts.none')}</strong>
              <p>{t('alerts.noneText')}</p>
            </div>
          ) : null}
          <ul className="alerts__list">
            {list.map((alert) => {
              const text = alertText(alert, t);
              return (
                <li key={alert.id} className={`alert alert--${alert.severity}`} data-testid="alert-item">
                  <span className="alert__marker" aria-hidden="true" />
                  <span className="alert__time">{formatTime(alert.at)}</span>
                  <span className="alert__text">
                    <span className="visually-hidden">{t(`alerts.${alert.severity}`)}: </span>
                    {alert.deliveryId ? (
                      <a href={hrefOf('deliveries', alert.deliveryId)} onClick={() => setOpen(false)}>
                        {text}
                      </a>
                    ) : (
                      text
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
