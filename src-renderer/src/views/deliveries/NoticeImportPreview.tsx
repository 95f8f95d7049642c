import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../../src-main/api/contract';
import { usePlantFormat } from '../../format/plantTime';

type Preview = ProcedureOutput<'notices.preview'>;
type Notice = Extract<Preview, { ok: true }>['notices'][number];
type Issue = Extract<Preview, { ok: false }>['issues'][number];

/** What the file would import: one block per notice, its items mapped to plant parts. */
export function NoticeImportPreview({ notices }: { notices: Notice[] }) {
  const { t } = useTranslation('notices');
  const format = usePlantFormat();
  const time = (at: number | null) => (at === null ? '–' : format.formatDateTime(at));
  return (
    <div className="notice-import__notices" data-testid="notice-preview">
      {notices.map((notice) => (
        <section
          key={notice.noticeNumber}
          className="notice-import__notice"
          data-testid="notice-preview-notice"
        >
          <header className="notice-import__notice-head">
            <strong>{notice.noticeNumber}</strong>
            <span className={`notice-import__action notice-import__action--${notice.action}`}>
              {t(`action.${notice.action}`)}
            </span>
            <span>{notice.supplier.name}</span>
            {notice.carrier ? (
              <span className="notice-import__muted">{t('via', { carrier: notice.carrier.name })}</span>
            ) : null}
          </header>
          <dl className="notice-import__facts">
            <dt>{t('facts.vehicle')}</dt>
            <dd>{notice.truckPlate ?? '–'}</dd>
            <dt>{t('facts.despatched')}</dt>
            <dd>{time(notice.despatchedAt)}</dd>
            <dt>{t('facts.eta')}</dt>
            <dd>{time(notice.estimatedArrival)}</dd>
          </dl>
          <table className="notice-import__items">
            <thead>
              <tr>
                <th scope="col">{t('items.line')}</th>
                <th scope="col">{t('items.supplierPart')}</th>
                <th scope="col">{t('items.part')}</th>
                <th scope="col" className="notice-import__number">
                  {t('items.quantity')}
                </th>
                <th scope="col" className="notice-import__number">
                  {t('items.packages')}
                </th>
              </tr>
            </thead>
            <tbody>
              {notice.items.map((item) => (
                <tr key={item.lineNo}>
                  <td>{item.lineNo}</td>
                  <td>{item.supplierPartNumber ?? '–'}</td>
                  <td>
                    {item.partId} <span className="notice-import__muted">{item.partDescription}</span>
                  </td>
                  <td className="notice-import__number">{item.quantity}</td>
                  <td className="notice-import__number">{item.packages ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

/**
 * The server names places in EDIFACT's and CSV's own words ("segment 14 (QTY), element 1",
 * "row 4, column quantity"); the German interface says Segment, Element, Komponente, Zeile, Spalte.
 */
export function localWhere(
  where: string,
  t: (key: string, options?: Record<string, string>) => string,
): string {
  if (where === 'file') return t('where.file');
  return where.replace(
    /\b(segment|element|component|row|column) ([^,]+)/g,
    (_, word: string, value: string) => t(`where.${word}`, { value }),
  );
}

/** Why the file would be refused: every issue with its segment and element, or row and column. */
export function NoticeImportIssues({ message, issues }: { message: string; issues: Issue[] }) {
  const { t } = useTranslation('notices');
  return (
    <div className="notice-import__issues" role="alert" data-testid="notice-issues">
      <p>{t('refused')}</p>
      {issues.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('issues.where')}</th>
              <th scope="col">{t('issues.what')}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and never reorder.
              <tr key={index}>
                <td className="notice-import__where">{localWhere(issue.where, t)}</td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{message}</p>
      )}
    </div>
  );
}
