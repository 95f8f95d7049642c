import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerRole } from '../../../../src-main/db/schema';
import { DataTable, type SortState, sortRows } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { SearchInput } from '../../components/SearchInput';
import { localeOf } from '../../format/locale';
import { useNumberFormat } from '../../format/numbers';
import { useProcedure } from '../../hooks/useProcedure';
import { navigate, useRoute } from '../../router/useRoute';
import { ON_TIME_TARGET } from './onTimeRating';
import { PartnerDetail } from './PartnerDetail';
import { type PartnerRow, partnerColumns } from './partnerColumns';

type RoleFilter = 'all' | 'supplier' | 'carrier';
const ROLE_FILTERS: readonly RoleFilter[] = ['all', 'supplier', 'carrier'];

function hasRole(role: PartnerRole, filter: RoleFilter) {
  return filter === 'all' || role === filter || role === 'both';
}

function matches(partner: PartnerRow, text: string) {
  if (!text) return true;
  const haystack = [
    partner.name,
    partner.id,
    partner.city,
    partner.countryCode,
    partner.contactName,
    partner.contactEmail,
  ];
  return haystack.some((value) => value?.toLocaleLowerCase().includes(text));
}

/** The partners list, or one partner's page (#/partners/<id>) with its scorecard and tokens. */
export function PartnersView() {
  const { params } = useRoute();
  const partnerId = params[0];
  if (partnerId) return <PartnerDetail key={partnerId} partnerId={partnerId} />;
  return <PartnerList />;
}

/** Suppliers and carriers with their contacts and how punctual they were this past week. */
function PartnerList() {
  const { t, i18n } = useTranslation('partners');
  const { t: tc } = useTranslation('common');
  const { formatPercent } = useNumberFormat();
  const [role, setRole] = useState<RoleFilter>('all');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortState | null>({ key: 'name', direction: 'ascending' });
  const partners = useProcedure(
    'partners.list',
    {},
    { refreshOn: ['deliveries.changed', 'plant.reset'], minIntervalMs: 10_000 },
  );

  const locale = localeOf(i18n.language);
  const columns = useMemo(() => {
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    const countryName = (code: string) => {
      try {
        return regions.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    };
    return partnerColumns(t, tc, countryName);
  }, [t, tc, locale]);

  const all = partners.data ?? [];
  const text = search.trim().toLocaleLowerCase();
  const rows = useMemo(
    () =>
      sortRows(
        all.filter((p) => hasRole(p.role, role) && matches(p, text)),
        columns,
        sort,
      ),
    [all, role, text, columns, sort],
  );
  const suppliers = all.filter((p) => p.role !== 'carrier').length;
  const carriers = all.filter((p) => p.role !== 'supplier').length;

  return (
    <div className="view partners">
      <div className="view__bar">
        <h1 className="view__title">
          {t('title')}
          {partners.data ? (
            <span className="view__subtitle">{t('summary', { suppliers, carriers })}</span>
          ) : null}
        </h1>
      </div>
      <div className="view__filters">
        <SearchInput
          value={search}
          onChange={setSearch}
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          testId="partner-search"
        />
        <fieldset className="chips">
          <legend className="visually-hidden">{t('filter.role')}</legend>
          {ROLE_FILTERS.map((filter) => (
            <button
              key={filter}
              type="button"
              className="chip"
              aria-pressed={role === filter}
              onClick={() => setRole(filter)}
              data-testid={`partner-role-${filter}`}
            >
              {t(`filter.${filter}`)}
            </button>
          ))}
        </fieldset>
      </div>
      <div className="view__body">
        <section className="panel partners__list">
          {partners.error && !partners.data ? (
            <ErrorState error={partners.error} onRetry={partners.refetch} />
          ) : !partners.data ? (
            <LoadingState />
          ) : (
            <DataTable
              label={t('table')}
              columns={columns}
              rows={rows}
              rowKey={(p) => p.id}
              onRowClick={(p) => navigate('partners', p.id)}
              rowData={(p) => ({
                'data-testid': 'partner-row',
                'data-partner-id': p.id,
                'data-role': p.role,
              })}
              sort={sort}
              onSortChange={setSort}
              empty={
                all.length === 0 ? (
                  <EmptyState title={t('empty.none')} text={t('empty.noneText')} />
                ) : (
                  <EmptyState
                    title={t('empty.filtered')}
                    action={
                      <button
                        type="button"
                        className="button"
                        onClick={() => {
                          setSearch('');
                          setRole('all');
                        }}
                      >
                        {t('empty.reset')}
                      </button>
                    }
                  />
                )
              }
            />
          )}
        </section>
        <p className="view__note">{t('legend', { target: formatPercent(ON_TIME_TARGET) })}</p>
      </div>
    </div>
  );
}
