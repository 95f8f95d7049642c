import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isViewer } from './api/viewerToken';
import { AppShell } from './components/AppShell';
import { LoadingState } from './components/LoadingState';
import { NotFound } from './components/NotFound';
import { PlantProvider } from './components/PlantProvider';
import { ViewErrorBoundary } from './components/ViewErrorBoundary';
import {
  DeliveriesView,
  DockTimelineView,
  LinesView,
  MapView,
  PartnersView,
  ReportsView,
  SettingsView,
  WallView,
} from './router/lazyViews';
import type { Route } from './router/routes';
import { useRoute } from './router/useRoute';
import { useViewShortcuts } from './router/useViewShortcuts';
import { FirstRunGate } from './views/firstRun/FirstRunGate';

function ViewOutlet({ route }: { route: Route }) {
  switch (route.view) {
    case 'map':
      return <MapView />;
    case 'docks':
      return <DockTimelineView />;
    case 'lines':
      return <LinesView />;
    case 'deliveries':
      return <DeliveriesView deliveryId={route.params[0] ?? null} />;
    case 'partners':
      return <PartnersView />;
    case 'reports':
      return <ReportsView day={route.params[0] ?? null} />;
    case 'settings':
      return <SettingsView section={route.params[0] ?? null} />;
    default:
      return <NotFound />;
  }
}

export function App() {
  const { t } = useTranslation(['common', 'settings']);
  const hashRoute = useRoute();
  // A viewer link reaches the wall only: every other view has controls that change the plant.
  const route: Route = isViewer ? { view: 'wall', params: [] } : hashRoute;
  useViewShortcuts();

  useEffect(() => {
    const view =
      route.view === 'settings'
        ? t('settings:nav')
        : route.view
          ? t(`nav.${route.view}`)
          : t('state.notFound');
    document.title = `${view} · ${t('appName')}`;
  }, [route.view, t]);

  return (
    <PlantProvider>
      {route.view === 'wall' ? (
        // The wall screen runs full screen, without nav or header, and shows its own large
        // connection state, so the desk's small banner stays off it.
        <ViewErrorBoundary key="wall">
          <Suspense fallback={<LoadingState fullPage />}>
            <WallView />
          </Suspense>
        </ViewErrorBoundary>
      ) : (
        <AppShell view={route.view}>
          <ViewErrorBoundary key={route.view ?? 'not-found'}>
            <FirstRunGate view={route.view}>
              <Suspense fallback={<LoadingState />}>
                <ViewOutlet route={route} />
              </Suspense>
            </FirstRunGate>
          </ViewErrorBoundary>
        </AppShell>
      )}
    </PlantProvider>
  );
}
