import { useTranslation } from 'react-i18next';
import { usePlantFormat } from '../../format/plantTime';
import type { DeliveryDetailData } from './types';

type Delivery = DeliveryDetailData['delivery'];

/** The physical steps a truck goes through, in order, with the time each one happened. */
function stepsOf(delivery: Delivery) {
  const steps: { key: string; at: number | null }[] = [
    { key: 'departed', at: delivery.departedAt },
    { key: 'gateIn', at: delivery.gateInAt },
    { key: 'atDoor', at: delivery.doorArrivedAt },
    { key: 'unloadingStarted', at: delivery.unloadingStartedAt },
    { key: 'unloaded', at: delivery.unloadedAt },
    { key: 'gateOut', at: delivery.gateOutAt },
  ];
  if (delivery.status === 'cancelled') steps.push({ key: 'cancelled', at: delivery.cancelledAt });
  return steps;
}

export function DeliverySteps({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation('deliveries');
  const { formatTime, formatShortDay, dayOf } = usePlantFormat();
  const slotDay = dayOf(delivery.slotStart);
  const steps = stepsOf(delivery);
  // The last step that happened is "current"; steps before it without a time were skipped.
  const lastDone = steps.reduce((found, step, index) => (step.at !== null ? index : found), -1);
  return (
    <section className="detail-section">
      <h3 className="detail-section__title">{t('steps.title')}</h3>
      <ol className="steps" data-testid="delivery-steps">
        {steps.map((step, index) => {
          const state = step.at !== null ? 'done' : index < lastDone ? 'skipped' : 'pending';
          return (
            <li
              key={step.key}
              className={`step step--${state}${index === lastDone ? ' step--current' : ''}`}
              data-step={step.key}
            >
              <span className="step__marker" aria-hidden="true" />
              <span className="step__label">{t(`steps.${step.key}`)}</span>
              <span className="step__time num">
                {step.at === null ? (
                  <span className="visually-hidden">{t('steps.pending')}</span>
                ) : (
                  <>
                    {formatTime(step.at)}
                    {dayOf(step.at) !== slotDay ? (
                      <span className="step__day">{formatShortDay(step.at)}</span>
                    ) : null}
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
