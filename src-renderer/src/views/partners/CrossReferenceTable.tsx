import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { SearchInput } from '../../components/SearchInput';
import { useProcedure } from '../../hooks/useProcedure';
import { useDebouncedValue } from '../deliveries/useDebouncedValue';
import type { CrossReferenceRow } from './types';

/** The supplier's part numbers beside the plant's: what a shipping notice is mapped by. */
export function CrossReferenceTable({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('partners');
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 200);
  const references = useProcedure(
    'partners.crossReference',
    { id: partnerId, ...(query ? { search: query } : {}) },
    { refreshOn: ['plant.reset'] },
  );
  const columns = useMemo<Column<CrossReferenceRow>[]>(
    () => [
      {
        key: 'supplierPartNumber',
        header: t('crossReference.supplierPartNumber'),
        width: '12rem',
        cell: (row) => <span className="mono">{row.supplierPartNumber}</span>,
      },
      {
        key: 'part',
        header: t('crossReference.part'),
        className: 'xref-part',
        cell: (row) => (
          <span className="cell-stack">
            <span className="xref-part__number">
              <span className="mono">{row.partId}</span>
              {row.primarySupplier ? null : <span className="xref-tag">{t('crossReference.second')}</span>}
            </span>
            <span className="cell-stack__sub ellipsis" title={row.description}>
              {row.description}
            </span>
          </span>
        ),
      },
      {
        key: 'unit',
        header: t('crossReference.unit'),
        width: '5.5rem',
        cell: (row) => row.unit,
      },
    ],
    [t],
  );
  const data = references.data;
  return (
    <section
      className="panel partner-section"
      aria-labelledby="partner-xref-title"
      data-testid="partner-cross-reference"
    >
      <header className="panel__head">
        <h2 className="panel__title" id="partner-xref-title">
          {t('crossReference.title')}
        </h2>
        <span className="panel__meta">{data ? t('crossReference.count', { count: data.total }) : null}</span>
      </header>
      <div className="partner-section__tools">
        <SearchInput
          value={search}
          onChange={setSearch}
          label={t('crossReference.searchLabel')}
          placeholder={t('crossReference.searchPlaceholder')}
          testId="partner-xref-search"
        />
      </div>
      <div className="partner-section__table">
        {references.error && !data ? (
          <ErrorState error={references.error} onRetry={references.refetch} />
        ) : !data ? (
          <LoadingState />
        ) : (
          <DataTable
            label={t('crossReference.title')}
            columns={columns}
            rows={data.rows}
            rowKey={(row) => row.supplierPartNumber}
            rowData={(row) => ({ 'data-testid': 'partner-xref-row', 'data-part-id': row.partId })}
            empty={
              query ? (
                <EmptyState title={t('crossReference.noMatch', { search: query })} />
              ) : (
                <EmptyState title={t('crossReference.none')} text={t('crossReference.noneText')} />
              )
            }
          />
        )}
      </div>
    </section>
  );
}
