import './gate.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureInput, ProcedureName } from '../../../../../src-main/api/contract';
import { ApiCallError, call } from '../../../api/client';
import { formatMinutes } from '../../../format/duration';
import { usePlantFormat, usePlantTime } from '../../../format/plantTime';
import { useProcedure } from '../../../hooks/useProcedure';
import { DoorPicker } from './DoorPicker';
import { FinishUnloadingForm } from './FinishUnloadingForm';
import { dwellMinutes, GATE_STEPS, type GateStep, nextGateStep } from './gateSteps';

type GateCall =
  | 'gate.checkIn'
  | 'gate.assignDoor'
  | 'gate.startUnloading'
  | 'gate.finishUnloading'
  | 'gate.checkOut';

/**
 * The gate-to-door workflow for one delivery, for gate and dock staff at a desk or a tablet: the
 * step that comes next as one big button (check in, assign a door, start and finish unloading,
 * check out), the times of the steps done, and the dwell time. Used in the dock timeline's booking
 * panel and in the deliveries view's detail.
 */
export function GateActionBar({
  deliveryId,
  onDone,
  showSteps = true,
}: {
  deliveryId: string;
  onDone?: (message: string) => void;
  /** The deliveries view shows the steps itself (DeliverySteps); the bar then shows only the action. */
  showSteps?: boolean;
}) {
  const { t } = useTranslation('gate');
  const { formatTime } = usePlantFormat();
  const { now } = usePlantTime();
  const detail = useProcedure(
    'deliveries.get',
    { id: deliveryId },
    { refreshOn: ['deliveries.changed', 'plant.reset'] },
  );
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const delivery = detail.data?.delivery;
  if (!delivery) return null;
  const step = nextGateStep(delivery.status);

  async function run<N extends GateCall & ProcedureName>(
    name: N,
    input: ProcedureInput<N>,
    stepDone: GateStep,
  ) {
    setBusy(true);
    setRefusal(null);
    try {
      await call(name, input);
      const message = t(`done.${stepDone}`, {
        plate: delivery?.truckPlate ?? delivery?.noticeNumber ?? deliveryId,
      });
      setDone(message);
      onDone?.(message);
      detail.refetch();
    } catch (error) {
      setRefusal(error instanceof ApiCallError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  const times: Record<GateStep, number | null> = {
    checkIn: delivery.gateInAt,
    assignDoor: delivery.doorArrivedAt,
    startUnloading: delivery.unloadingStartedAt,
    finishUnloading: delivery.unloadedAt,
    checkOut: delivery.gateOutAt,
  };
  const dwell = dwellMinutes(delivery.gateInAt, delivery.gateOutAt, now);
  return (
    <section
      className="gate-bar"
      data-testid="gate-bar"
      data-delivery-id={deliveryId}
      data-status={delivery.status}
      data-next-step={step ?? 'none'}
      aria-label={t('title')}
    >
      <div className="gate-bar__head">
        <h3 className="gate-bar__title">{t('title')}</h3>
        {dwell !== null ? (
          <span className="gate-bar__dwell" data-testid="gate-dwell">
            {t(delivery.gateOutAt === null ? 'dwellRunning' : 'dwell', { duration: formatMinutes(dwell) })}
          </span>
        ) : null}
      </div>
      {showSteps ? (
        <ol className="gate-steps">
          {GATE_STEPS.map((name) => (
            <li
              key={name}
              className={`gate-steps__step${times[name] !== null ? ' gate-steps__step--done' : ''}${name === step ? ' gate-steps__step--next' : ''}`}
              data-step={name}
            >
              <span className="gate-steps__label">{t(`stepDone.${name}`)}</span>
              <span className="gate-steps__time num">{formatTime(times[name])}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {step === 'assignDoor' ? (
        <DoorPicker
          delivery={delivery}
          busy={busy}
          onPick={(doorId) => void run('gate.assignDoor', { deliveryId, doorId }, 'assignDoor')}
        />
      ) : step === 'finishUnloading' ? (
        <FinishUnloadingForm
          items={detail.data?.items ?? []}
          busy={busy}
          onSubmit={(items, note) =>
            void run(
              'gate.finishUnloading',
              { deliveryId, items, ...(note ? { note } : {}) },
              'finishUnloading',
            )
          }
        />
      ) : step ? (
        <button
          type="button"
          className="gate-bar__primary"
          data-testid="gate-action"
          data-step={step}
          disabled={busy}
          onClick={() => {
            if (step === 'checkIn') void run('gate.checkIn', { deliveryId }, step);
            else if (step === 'startUnloading') void run('gate.startUnloading', { deliveryId }, step);
            else if (step === 'checkOut') void run('gate.checkOut', { deliveryId }, step);
          }}
        >
          {t(`action.${step}`)}
        </button>
      ) : (
        <p className="gate-bar__finished" data-testid="gate-finished">
          {t(delivery.status === 'cancelled' ? 'cancelled' : 'finished')}
        </p>
      )}
      <div role="alert" className="gate-bar__alert" data-testid="gate-alert">
        {refusal ? <p className="gate-bar__refusal">{refusal}</p> : null}
      </div>
      <p className="gate-bar__done" role="status" data-testid="gate-status">
        {done}
      </p>
    </section>
  );
}
