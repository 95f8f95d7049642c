import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useProcedure } from '../../hooks/useProcedure';
import { BackupSection } from './BackupSection';
import { DemoRemoval } from './DemoRemoval';
import { ImportExport } from './ImportExport';
import { SettingsForm } from './SettingsForm';
import { SyncStatusPanel } from './SyncStatusPanel';
import './Settings.css';

/** #/settings (and #/settings/import): the plant's settings, its data in and out, and the demo. */
export function SettingsView({ section }: { section: string | null }) {
  const { t } = useTranslation('settings');
  const settings = useProcedure('settings.get', {}, { refreshOn: ['settings.changed', 'plant.reset'] });

  useEffect(() => {
    if (section === 'import') document.getElementById('settings-import-title')?.scrollIntoView();
  }, [section]);

  if (!settings.data) {
    if (settings.error) return <ErrorState error={settings.error} onRetry={settings.refetch} />;
    return <LoadingState />;
  }
  return (
    <div className="view settings-view" data-testid="settings-view">
      <div className="view__bar">
        <h1 className="view__title">
          {t('title')}
          <span className="view__subtitle">{t('subtitle')}</span>
        </h1>
      </div>
      <div className="view__body view__body--scroll settings-view__body">
        {settings.data.plant?.isDemo ? <DemoRemoval /> : null}
        <SettingsForm saved={settings.data} onSaved={settings.refetch} />
        <ImportExport />
        <SyncStatusPanel folder={settings.data.sync.folder} />
        <BackupSection />
      </div>
    </div>
  );
}
