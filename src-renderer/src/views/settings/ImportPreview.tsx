import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from './types';

/** The dry run: what each data set would bring, and every error by file, row and column. */
export function ImportPreview({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useTranslation('settings');
  return (
    <div className="settings-preview" data-testid="import-preview-result">
      <table className="table">
        <thead>
          <tr>
            <th>{t('preview.dataSet')}</th>
            <th>{t('preview.file')}</th>
            <th className="num">{t('preview.rows')}</th>
            <th className="num">{t('preview.inserted')}</th>
            <th className="num">{t('preview.updated')}</th>
            <th className="num">{t('preview.deleted')}</th>
          </tr>
        </thead>
        <tbody>
          {outcome.dataSets.map((set) => (
            <tr key={set.dataSet}>
              <td>{t(`dataSets.${set.dataSet}`, { defaultValue: set.dataSet })}</td>
              <td>{set.source}</td>
              <td className="num">{set.rows}</td>
              <td className="num">{set.inserted}</td>
              <td className="num">{set.updated}</td>
              <td className="num">{set.deleted}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {outcome.issueCount === 0 ? (
        <p className="settings-ok" role="status">
          {t('preview.clean')}
        </p>
      ) : (
        <>
          <p className="settings-error" role="alert">
            {t('preview.errors', { count: outcome.issueCount })}
          </p>
          <table className="table" data-testid="import-errors">
            <thead>
              <tr>
                <th>{t('preview.file')}</th>
                <th className="num">{t('preview.row')}</th>
                <th>{t('preview.column')}</th>
                <th>{t('preview.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.issues.map((found, index) => (
                // Issues have no identity of their own; their order is fixed (file, row).
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <tr key={index}>
                  <td>{found.file}</td>
                  <td className="num">{found.row ?? '–'}</td>
                  <td>{found.column ?? '–'}</td>
                  <td>{found.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
