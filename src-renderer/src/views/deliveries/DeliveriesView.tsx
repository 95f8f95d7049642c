import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '../../../../src-main/db/schema';
import { DataTable } from '../../components/DataTable';
import { DayPicker } from '../../components/DayPicker';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { SearchInput } from '../../components/SearchInput';
import { usePlantFormat, usePlantToday } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';
import { navigate } from '../../router/useRoute';
import { DeliveryDetail } from './DeliveryDetail';
import { deliveryColumns } from './deliveryColumns';
import { KeyboardHint } from './KeyboardHint';
import { NoticeImportButton } from './NoticeImportDialog';
import { StatusChips } from './StatusChips';
import { useDebouncedValue } from './useDebouncedValue';
import { useListKeyboard } from './useListKeyboard';
import { isDone, useScrollToOpen } from './useScrollToOpen';

// A plant day rarely has more than a few hundred slots; the status chips count on the client.
const DAY_LIMIT = 1000;
const NO_STATUSES: ReadonlySet<DeliveryStatus> = new Set();

/** Deliveries of one plant-local day: search, status filter, keyboard selection, detail on the right. */
export function DeliveriesView({ deliveryId }: { deliveryId: string | null }) {
  const { t } = useTranslation('deliveries');
  const format = usePlantFormat();
  const today = usePlantToday();
  const [day, setDay] = useState(today);
  const [search, setSearch] = useState('');
  const [statuses, setStatuses] = useState(NO_STATUSES);
  const [selectedId, setSelectedId] = useState<string | null>(deliveryId);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLElement>(null);
  const query = useDebouncedValue(search.trim(), 250);
  const range = format.dayRange(day);

  const list = useProcedure(
    'deliveries.list',
    { from: range.start, to: range.end, limit: DAY_LIMIT, ...(query ? { search: query } : {}) },
    { refreshOn: ['deliveries.changed', 'positions.moved', 'plant.reset'], minIntervalMs: 2000 },
  );
  const all = list.data?.rows ?? [];
  const rows = useMemo(
    () => (statuses.size ? all.filter((row) => statuses.has(row.status)) : all),
    [all, statuses],
  );
  const counts = useMemo(() => {
    const byStatus: Partial<Record<DeliveryStatus, number>> = {};
    for (const row of all) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
    return byStatus;
  }, [all]);
  const ids = useMemo(() => rows.map((row) => row.id), [rows]);
  // Right after a day change the list still holds the previous day until the new one arrives.
  const first = all[0];
  const forThisDay = !first || (first.slotStart >= range.start && first.slotStart < range.end);
  useScrollToOpen(listRef, forThisDay ? all : [], day);
  const selectedRow = rows.find((row) => row.id === selectedId);
  const columns = useMemo(() => deliveryColumns(t, format), [t, format]);

  // Opening a delivery (click, link, alert, deep link) also moves the selection to it.
  useEffect(() => {
    if (deliveryId) setSelectedId(deliveryId);
  }, [deliveryId]);

  const close = useCallback(() => navigate('deliveries'), []);
  useListKeyboard({
    ids,
    selectedId,
    startId: rows.find((row) => !isDone(row.status))?.id ?? null,
    onSelect: setSelectedId,
    onOpen: (id) => navigate('deliveries', id),
    onClose: deliveryId ? close : null,
    searchRef,
  });

  const filtered = statuses.size > 0 || query !== '';
  const resetFilters = () => {
    setSearch('');
    setStatuses(NO_STATUSES);
  };
  const dayLabel = format.formatDay(range.start + 12 * 60 * 60 * 1000);

  return (
    <div className="view deliveries">
      <div className="view__bar">
        <h1 className="view__title view__title--inline">
          {t('title')}
          {list.data ? (
            <span className="view__subtitle" data-testid="delivery-count">
              {filtered
                ? t('countFiltered', { shown: rows.length, total: list.data.total })
                : t('count', { count: list.data.total })}
            </span>
          ) : null}
        </h1>
        <SearchInput
          value={search}
          onChange={setSearch}
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          testId="delivery-search"
          inputRef={searchRef}
          shortcut="/"
        />
        <span className="view__spacer" />
        <NoticeImportButton />
        <DayPicker day={day} onChange={setDay} />
      </div>
      <div className="view__filters">
        <StatusChips counts={counts} total={all.length} selected={statuses} onChange={setStatuses} />
      </div>
      <div className={`deliveries__body${deliveryId ? ' deliveries__body--detail' : ''}`}>
        <section className="panel deliveries__list" aria-busy={list.loading} ref={listRef}>
          {/* Arrow keys move a visual selection; this says which delivery it is on. */}
          <p className="visually-hidden" aria-live="polite">
            {selectedRow ? `${selectedRow.noticeNumber ?? selectedRow.id}, ${selectedRow.supplierName}` : ''}
          </p>
          {list.error && !list.data ? (
            <ErrorState error={list.error} onRetry={list.refetch} />
          ) : !list.data ? (
            <LoadingState />
          ) : (
            <DataTable
              label={t('table', { day: dayLabel })}
              columns={columns}
              rows={rows}
              rowKey={(row) => row.id}
              selectedKey={selectedId}
              currentKey={deliveryId}
              onRowClick={(row) => {
                setSelectedId(row.id);
                navigate('deliveries', row.id);
              }}
              rowData={(row) => ({
                'data-testid': 'delivery-row',
                'data-delivery-id': row.id,
                'data-status': row.status,
                'data-punctuality': row.punctuality.class,
              })}
              rowClassName={(row) => `delivery-row--${row.punctuality.class}`}
              empty={
                filtered ? (
                  <EmptyState
                    title={t('empty.filtered')}
                    text={t('empty.filteredText')}
                    action={
                      <button type="button" className="button" onClick={resetFilters}>
                        {t('empty.reset')}
                      </button>
                    }
                  />
                ) : (
                  <EmptyState title={t('empty.day')} text={t('empty.dayText')} />
                )
              }
            />
          )}
          <footer className="deliveries__footer">
            <KeyboardHint />
            {list.data && list.data.total > list.data.rows.length ? (
              <span className="deliveries__truncated" role="status">
                {t('truncated', { shown: list.data.rows.length, total: list.data.total })}
              </span>
            ) : null}
          </footer>
        </section>
        {deliveryId ? <DeliveryDetail key={deliveryId} id={deliveryId} onClose={close} /> : null}
      </div>
    </div>
  );
}
