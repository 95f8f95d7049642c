import type { ReactNode } from 'react';
import { usePlantSite } from '../../format/plantTime';
import type { ViewName } from '../../router/routes';
import { FirstRunView } from './FirstRunView';

/** An empty plant shows the first-run choice instead of the views (settings stay reachable). */
export function FirstRunGate({ view, children }: { view: ViewName | null; children: ReactNode }) {
  const site = usePlantSite();
  if (site || view === 'settings') return <>{children}</>;
  return <FirstRunView />;
}
