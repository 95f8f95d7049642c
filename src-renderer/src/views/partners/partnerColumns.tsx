import type { TFunction } from 'i18next';
import type { ProcedureOutput } from '../../../../src-main/api/contract';
import type { Column } from '../../components/DataTable';
import { hrefOf } from '../../router/routes';
import { OnTimeRate } from './OnTimeRate';

export type PartnerRow = ProcedureOutput<'partners.list'>[number];

function ContactCell({ partner, t }: { partner: PartnerRow; t: TFunction<'partners'> }) {
  if (!partner.contactName && !partner.contactEmail && !partner.contactPhone) {
    return <span className="faint">{t('noContact')}</span>;
  }
  return (
    <span className="cell-stack">
      <span className="contact-line">
        <span>{partner.contactName ?? '–'}</span>
        {partner.contactPhone ? (
          <a href={`tel:${partner.contactPhone.replace(/[^\d+]/g, '')}`} className="num contact-phone">
            {partner.contactPhone}
          </a>
        ) : null}
      </span>
      {partner.contactEmail ? (
        <a
          className="cell-stack__sub ellipsis"
          href={`mailto:${partner.contactEmail}`}
          title={partner.contactEmail}
        >
          {partner.contactEmail}
        </a>
      ) : null}
    </span>
  );
}

export function partnerColumns(
  t: TFunction<'partners'>,
  tc: TFunction<'common'>,
  countryName: (code: string) => string,
): Column<PartnerRow>[] {
  return [
    {
      key: 'name',
      header: t('columns.name'),
      sortValue: (p) => p.name,
      cell: (p) => (
        <span className="cell-stack">
          {/* A real link: reachable by Tab, opens with Enter, and can go to a new window. */}
          <a className="partner-name" href={hrefOf('partners', p.id)} data-testid="partner-link">
            {p.name}
          </a>
          <span className="cell-stack__sub mono">{p.id}</span>
        </span>
      ),
    },
    {
      key: 'role',
      header: t('columns.role'),
      width: '11rem',
      sortValue: (p) => p.role,
      cell: (p) => <span className={`role role--${p.role}`}>{tc(`role.${p.role}`)}</span>,
    },
    {
      key: 'location',
      header: t('columns.location'),
      sortValue: (p) => `${p.countryCode} ${p.city}`,
      cell: (p) => (
        <span className="cell-stack">
          <span>{p.city}</span>
          <span className="cell-stack__sub">{countryName(p.countryCode)}</span>
        </span>
      ),
    },
    {
      key: 'contact',
      header: t('columns.contact'),
      className: 'col-contact',
      cell: (p) => <ContactCell partner={p} t={t} />,
    },
    {
      key: 'arrivals',
      header: t('columns.arrivals'),
      align: 'end',
      width: '8rem',
      sortValue: (p) => p.arrivedLast7Days,
      cell: (p) => <span className="num">{p.arrivedLast7Days}</span>,
    },
    {
      key: 'onTime',
      header: t('columns.onTime'),
      width: '12rem',
      sortValue: (p) => p.onTimeRateLast7Days,
      cell: (p) => <OnTimeRate rate={p.onTimeRateLast7Days} arrived={p.arrivedLast7Days} />,
    },
  ];
}
