import './PartnerDetail.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { Icon } from '../../components/icons';
import { LoadingState } from '../../components/LoadingState';
import { usePlantToday } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';
import { hrefOf } from '../../router/routes';
import { CrossReferenceTable } from './CrossReferenceTable';
import { PartnerFacts } from './PartnerFacts';
import { PartnerOutbox } from './PartnerOutbox';
import { PartnerTokens } from './PartnerTokens';
import { ScorecardSection } from './ScorecardSection';
import { type DayRange, DEFAULT_PRESET, presetRange } from './scorecardRange';

/**
 * One partner's page: contacts, scorecard with its weekly trend, part numbers, access tokens and
 * the communication log (notices out).
 */
export function PartnerDetail({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('partners');
  const { t: tc } = useTranslation('common');
  const today = usePlantToday();
  const [range, setRange] = useState<DayRange>(() => presetRange(today, DEFAULT_PRESET));
  const heading = useRef<HTMLHeadingElement>(null);
  const detail = useProcedure(
    'partners.get',
    { id: partnerId },
    { refreshOn: ['deliveries.changed', 'plant.reset'], minIntervalMs: 10_000 },
  );
  const partner = detail.data;

  // Keyboard and screen-reader users land on the partner they opened.
  const loaded = partner !== undefined;
  useEffect(() => {
    if (loaded) heading.current?.focus({ preventScroll: true });
  }, [loaded]);

  return (
    <div className="view partner-page" data-testid="partner-detail" data-partner-id={partnerId}>
      <div className="view__bar partner-page__bar">
        <nav aria-label={t('detail.breadcrumb')} className="partner-page__crumbs">
          <a href={hrefOf('partners')} className="partner-page__back" data-testid="partner-back">
            <Icon name="chevronLeft" size={16} />
            {t('title')}
          </a>
        </nav>
        <h1 className="view__title partner-page__title" ref={heading} tabIndex={-1}>
          {partner?.name ?? partnerId}
          {partner ? (
            <span className={`role role--${partner.role}`} data-testid="partner-role">
              {tc(`role.${partner.role}`)}
            </span>
          ) : null}
          <span className="view__subtitle mono">{partnerId}</span>
        </h1>
      </div>
      <div className="view__body view__body--scroll partner-page__body">
        {detail.error && !partner ? (
          <ErrorState error={detail.error} onRetry={detail.refetch} />
        ) : !partner ? (
          <LoadingState />
        ) : (
          <>
            <PartnerFacts partner={partner} />
            <ScorecardSection partnerId={partnerId} range={range} today={today} onRangeChange={setRange} />
            {/* A carrier ships no parts of its own: no cross-reference, the tokens take the row. */}
            <div
              className={`partner-page__lower${partner.role === 'carrier' ? ' partner-page__lower--single' : ''}`}
            >
              {partner.role === 'carrier' ? null : <CrossReferenceTable partnerId={partnerId} />}
              <PartnerTokens partnerId={partnerId} partnerName={partner.name} />
            </div>
            <PartnerOutbox partnerId={partnerId} />
          </>
        )}
      </div>
    </div>
  );
}
