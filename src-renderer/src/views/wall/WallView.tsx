import './WallView.css';
import { useMemo } from 'react';
import { useLiveTrucks } from '../../components/map/useLiveTrucks';
import { usePlantTime } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';
import { busyDoorCount, nextArrivalsPerDoor } from './nextArrivals';
import { useConnection } from './useConnection';
import { WallAlerts } from './WallAlerts';
import { WallArrivals } from './WallArrivals';
import { WallHeader } from './WallHeader';
import { WallKpis } from './WallKpis';
import { WallMap } from './WallMap';

const HOUR = 60 * 60 * 1000;
const ARRIVALS_PER_DOOR = 2;

/**
 * The control room's wall screen: live map, next arrivals per door, KPIs and an alert ticker.
 * Dark whatever the desk theme, large type, nothing to click; it says when its data is stale and
 * catches up by itself when the server is back.
 */
export function WallView() {
  const { now, site, dayOf } = usePlantTime();
  const live = useLiveTrucks();
  const alerts = useProcedure(
    'alerts.list',
    {},
    {
      refreshOn: ['alerts.changed', 'deliveries.changed', 'stock.changed', 'plant.reset'],
      minIntervalMs: 2000,
    },
  );
  // The hour now falls in and the next day: the query changes once an hour, not every tick.
  const hour = Math.floor(now / HOUR) * HOUR;
  const timeline = useProcedure(
    'docks.timeline',
    { from: hour - HOUR, to: hour + 24 * HOUR },
    { refreshOn: ['deliveries.changed', 'plant.reset', 'clock.tick'], minIntervalMs: 5000 },
  );
  const day = useProcedure(
    'reports.dayOverview',
    { day: dayOf(now) },
    { refreshOn: ['deliveries.changed', 'plant.reset'], minIntervalMs: 5000 },
  );

  // useConnection keeps the latest of this function; it need not be stable.
  const connection = useConnection(() => {
    live.refetch();
    alerts.refetch();
    timeline.refetch();
    day.refetch();
  });

  const doors = useMemo(
    () => (timeline.data ? nextArrivalsPerDoor(timeline.data, ARRIVALS_PER_DOOR) : []),
    [timeline.data],
  );
  const kpis = useMemo(
    () => ({
      enRoute: live.data ? live.trucks.filter((truck) => truck.status === 'in_transit').length : null,
      late: live.data ? live.trucks.filter((truck) => truck.punctuality.class === 'late').length : null,
      onTimeRate: day.data?.onTimeRate ?? null,
      onTimeDetail: day.data ? { onTime: day.data.onTime, arrived: day.data.arrived } : null,
      doorsBusy: timeline.data ? busyDoorCount(timeline.data) : null,
      doors: timeline.data ? timeline.data.doors.length : null,
    }),
    [live.data, live.trucks, day.data, timeline.data],
  );

  return (
    <div
      className={`wall-view wall-view--${connection}`}
      data-testid="wall-view"
      data-connection={connection}
    >
      <WallHeader connection={connection} lastUpdate={live.data?.at ?? null} />
      <main className="wall-view__main">
        <WallMap trucks={live.trucks} site={site} />
        <div className="wall-view__side">
          <WallKpis values={kpis} />
          <WallArrivals doors={doors} />
        </div>
      </main>
      <WallAlerts alerts={alerts.data ?? []} />
    </div>
  );
}
