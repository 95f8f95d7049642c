import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from './CopyField';
import type { CreatedPartnerToken } from './types';

/**
 * The one moment a token's secret is visible: with the addresses the partner configures. Once
 * dismissed (or the page left) it is gone; only its hash is stored.
 */
export function TokenCreated({ created, onDone }: { created: CreatedPartnerToken; onDone: () => void }) {
  const { t } = useTranslation('partners');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const urls = created.ingestUrl;
  return (
    <section className="token-created" aria-labelledby="token-created-title" data-testid="token-created">
      <h3 className="token-created__title" id="token-created-title" ref={heading} tabIndex={-1}>
        {t('tokens.createdTitle', { label: created.label })}
      </h3>
      <p className="token-created__warning">{t('tokens.createdOnce')}</p>
      <CopyField label={t('tokens.secret')} value={created.token} testId="token-secret" />
      <CopyField label={t('tokens.osmandUrl')} value={urls.osmandUrl} testId="token-osmand-url" />
      <CopyField label={t('tokens.partnerApiUrl')} value={urls.partnerApiUrl} testId="token-api-url" />
      <CopyField
        label={t('tokens.authorization')}
        value={`Authorization: Bearer ${created.token}`}
        testId="token-bearer"
      />
      {!urls.enabled ? (
        <p className="token-created__note token-created__note--warn">{t('tokens.ingestOff')}</p>
      ) : urls.loopbackOnly ? (
        <p className="token-created__note">{t('tokens.loopbackOnly')}</p>
      ) : null}
      <div className="token-created__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={onDone}
          data-testid="token-created-done"
        >
          {t('tokens.done')}
        </button>
      </div>
    </section>
  );
}
