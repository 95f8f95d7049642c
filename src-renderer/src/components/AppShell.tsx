import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlantLanguage } from '../hooks/usePlantLanguage';
import type { ViewName } from '../router/routes';
import { ConnectionBanner } from './ConnectionBanner';
import { Header } from './Header';
import { Nav } from './Nav';

/** Header across the top, views on the left, the current view filling the rest. */
export function AppShell({ view, children }: { view: ViewName | null; children: ReactNode }) {
  const { t } = useTranslation('common');
  usePlantLanguage();
  return (
    <div className="shell">
      <button type="button" className="skip-link" onClick={focusMain}>
        {t('skipToContent')}
      </button>
      <Header />
      <Nav current={view} />
      <main className="shell__main" id="main" tabIndex={-1} data-view={view ?? 'not-found'}>
        <ConnectionBanner />
        {children}
      </main>
    </div>
  );
}

// A button, not a link to #main: the hash belongs to the router.
function focusMain() {
  document.getElementById('main')?.focus();
}
