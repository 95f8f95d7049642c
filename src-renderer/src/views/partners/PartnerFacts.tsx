import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../format/locale';
import { useNumberFormat } from '../../format/numbers';
import type { PartnerDetailData } from './types';

const phoneHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** Who to call at the partner, and what Leitstand holds for it. */
export function PartnerFacts({ partner }: { partner: PartnerDetailData }) {
  const { t, i18n } = useTranslation('partners');
  const { formatNumber } = useNumberFormat();
  const locale = localeOf(i18n.language);
  const country = useMemo(() => {
    try {
      return new Intl.DisplayNames([locale], { type: 'region' }).of(partner.countryCode.toUpperCase());
    } catch {
      return partner.countryCode;
    }
  }, [locale, partner.countryCode]);
  const { contact, counts } = partner;
  const hasContact = contact.name || contact.email || contact.phone;
  return (
    <section className="panel partner-facts" aria-label={t('detail.facts')} data-testid="partner-facts">
      <div className="partner-facts__contact">
        <h2 className="partner-facts__heading">{t('detail.contact')}</h2>
        {hasContact ? (
          <address className="contact-card">
            <span className="contact-card__name" data-testid="partner-contact-name">
              {contact.name ?? '–'}
            </span>
            {contact.email ? (
              <a href={`mailto:${contact.email}`} title={contact.email} data-testid="partner-contact-email">
                {contact.email}
              </a>
            ) : null}
            {contact.phone ? (
              <a href={phoneHref(contact.phone)} className="num" data-testid="partner-contact-phone">
                {contact.phone}
              </a>
            ) : null}
          </address>
        ) : (
          <p className="faint">{t('noContact')}</p>
        )}
      </div>
      <dl className="partner-facts__list">
        <div>
          <dt>{t('detail.location')}</dt>
          <dd>
            {partner.city}, {country}
          </dd>
        </div>
        <div>
          <dt>{t('detail.partyId')}</dt>
          <dd className="mono">
            {partner.partyId ?? <span className="faint">{t('detail.noPartyId')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('detail.deliveries')}</dt>
          <dd className="num" data-testid="partner-count-deliveries">
            {partner.role === 'both'
              ? t('detail.deliveriesBoth', {
                  supplied: formatNumber(counts.deliveriesAsSupplier),
                  carried: formatNumber(counts.deliveriesAsCarrier),
                })
              : formatNumber(counts.deliveriesAsSupplier + counts.deliveriesAsCarrier)}
            {counts.openDeliveries > 0 ? (
              <span className="faint"> · {t('detail.open', { count: counts.openDeliveries })}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('detail.parts')}</dt>
          <dd className="num">{formatNumber(counts.supplierParts)}</dd>
        </div>
        <div>
          <dt>{t('detail.tokens')}</dt>
          <dd className="num">
            {t('detail.tokenCount', { active: counts.activeTokens, total: counts.tokens })}
          </dd>
        </div>
      </dl>
    </section>
  );
}
