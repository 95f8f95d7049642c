import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../../format/numbers';
import type { DeliveryItem } from '../../deliveries/types';
import { differences } from './gateSteps';

/**
 * Received quantities, item by item: each line starts at the shipping notice's quantity, so a
 * complete delivery is one press; a line that differs is highlighted with its difference.
 */
export function FinishUnloadingForm({
  items,
  busy,
  onSubmit,
}: {
  items: readonly DeliveryItem[];
  busy: boolean;
  onSubmit: (items: { lineNo: number; quantityReceived: number }[], note: string) => void;
}) {
  const { t } = useTranslation('gate');
  const { formatNumber } = useNumberFormat();
  const noteId = useId();
  const [received, setReceived] = useState<Record<number, string>>(() =>
    Object.fromEntries(
      items.map((item) => [item.lineNo, String(item.quantityReceived ?? item.quantityAnnounced)]),
    ),
  );
  const [note, setNote] = useState('');
  const lines = items.map((item) => {
    const text = received[item.lineNo] ?? String(item.quantityAnnounced);
    const value = Number(text);
    return { item, text, value, valid: text.trim() !== '' && Number.isInteger(value) && value >= 0 };
  });
  const invalid = lines.some((line) => !line.valid);
  const changed = differences(
    lines
      .filter((line) => line.valid)
      .map((line) => ({
        lineNo: line.item.lineNo,
        announced: line.item.quantityAnnounced,
        received: line.value,
      })),
  );
  return (
    <form
      className="finish-form"
      data-testid="finish-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (invalid) return;
        onSubmit(
          lines.map((line) => ({ lineNo: line.item.lineNo, quantityReceived: line.value })),
          note.trim(),
        );
      }}
    >
      <table className="finish-form__table">
        <thead>
          <tr>
            <th scope="col">{t('finish.part')}</th>
            <th scope="col" className="num">
              {t('finish.announced')}
            </th>
            <th scope="col" className="num">
              {t('finish.received')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map(({ item, text, value, valid }) => {
            const difference = valid ? value - item.quantityAnnounced : 0;
            return (
              <tr key={item.lineNo} className={difference !== 0 ? 'finish-form__row--differs' : undefined}>
                <th scope="row">
                  <span className="mono">{item.partId}</span>
                  <span className="finish-form__description">{item.description}</span>
                </th>
                <td className="num">
                  {formatNumber(item.quantityAnnounced)} {item.unit}
                </td>
                <td className="num">
                  <input
                    className="input finish-form__input"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    step={1}
                    value={text}
                    aria-label={t('finish.receivedOf', { part: item.partId })}
                    aria-invalid={!valid}
                    data-testid="received-input"
                    data-line-no={item.lineNo}
                    onChange={(event) =>
                      setReceived((current) => ({ ...current, [item.lineNo]: event.target.value }))
                    }
                  />
                  {difference !== 0 ? (
                    <span className="finish-form__difference" data-testid="received-difference">
                      {difference > 0 ? '+' : '−'}
                      {formatNumber(Math.abs(difference))}
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label className="finish-form__note" htmlFor={noteId}>
        {t('finish.note')}
      </label>
      <textarea
        id={noteId}
        className="input finish-form__textarea"
        rows={2}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <p className="finish-form__summary" aria-live="polite">
        {changed.length === 0 ? t('finish.complete') : t('finish.differences', { count: changed.length })}
      </p>
      <button
        type="submit"
        className="gate-bar__primary"
        data-testid="gate-action"
        data-step="finishUnloading"
        disabled={busy || invalid}
      >
        {t('action.finishUnloading')}
      </button>
    </form>
  );
}
