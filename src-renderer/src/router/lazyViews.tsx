import { type ComponentType, lazy } from 'react';

// Each view is its own chunk: the first paint loads the shell and the one view it shows, not the
// map engine, the charts and every other view (a week of dock slots must paint within a second).
// The chunks come from the app's own origin, so the CSP's script-src 'self' covers them.

function view<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

export const MapView = view(() => import('../views/map/MapView').then((m) => m.MapView));
export const DockTimelineView = view(() =>
  import('../views/docks/DockTimelineView').then((m) => m.DockTimelineView),
);
export const LinesView = view(() => import('../views/lines/LinesView').then((m) => m.LinesView));
export const DeliveriesView = view(() =>
  import('../views/deliveries/DeliveriesView').then((m) => m.DeliveriesView),
);
export const PartnersView = view(() => import('../views/partners/PartnersView').then((m) => m.PartnersView));
export const ReportsView = view(() => import('../views/reports/ReportsView').then((m) => m.ReportsView));
export const SettingsView = view(() => import('../views/settings/SettingsView').then((m) => m.SettingsView));
export const WallView = view(() => import('../views/wall/WallView').then((m) => m.WallView));
