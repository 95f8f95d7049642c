import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribe } from '../api/client';
import { localeOf } from '../format/locale';
import {
  PlantClockContext,
  PlantFormatContext,
  PlantSiteContext,
  PlantTodayContext,
  plantTimeFormatters,
} from '../format/plantTime';
import { useProcedure } from '../hooks/useProcedure';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';

const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Loads the plant once and keeps its clock: every view formats times in the plant's zone, never
 * the screen's. Children render only once the zone is known, so no view ever picks "today" from
 * the wrong time zone.
 */
export function PlantProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const overview = useProcedure('plant.overview', {}, { refreshOn: ['plant.reset'] });
  const [tick, setTick] = useState<{ now: number; speed: number } | null>(null);

  useEffect(() => subscribe('clock.tick', (payload) => setTick(payload)), []);

  const site = overview.data?.site ?? null;
  // An empty database has no site yet: fall back to the screen's zone rather than to UTC.
  const timeZone = site?.timeZone ?? BROWSER_ZONE;
  const formatters = useMemo(
    () => plantTimeFormatters(timeZone, localeOf(i18n.language)),
    [timeZone, i18n.language],
  );

  const loadedClock = overview.data?.clock;
  const clock = useMemo(() => {
    // Take whichever is newer: a refetched overview after a reset may be behind the last tick.
    const latest = tick && loadedClock && tick.now < loadedClock.now ? loadedClock : (tick ?? loadedClock);
    return { now: latest?.now ?? Date.now(), speed: latest?.speed ?? 1 };
  }, [tick, loadedClock]);

  const today = formatters.dayOf(clock.now);

  if (!overview.data) {
    if (overview.error) return <ErrorState error={overview.error} onRetry={overview.refetch} fullPage />;
    return <LoadingState fullPage />;
  }
  return (
    <PlantSiteContext.Provider value={site}>
      <PlantFormatContext.Provider value={formatters}>
        <PlantTodayContext.Provider value={today}>
          <PlantClockContext.Provider value={clock}>{children}</PlantClockContext.Provider>
        </PlantTodayContext.Provider>
      </PlantFormatContext.Provider>
    </PlantSiteContext.Provider>
  );
}
