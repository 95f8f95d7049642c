import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';

/** The party identifier a partner carries in EDIFACT messages (NAD), where the schema has one. */
function partyIdOf(row: object): string | null {
  for (const key of ['partyId', 'gln', 'ediPartyId']) {
    const value: unknown = (row as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
}

/** One partner: who to call, what it is, and how much Leitstand holds for it. */
export async function partnerDetail(ctx: AppContext, partnerId: string) {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const partner = await db.selectFrom('partner').selectAll().where('id', '=', partnerId).executeTakeFirst();
  if (!partner) throw new DomainError('NOT_FOUND', `There is no partner ${partnerId}.`);
  const countDeliveries = (role: 'supplierId' | 'carrierId') =>
    db
      .selectFrom('inboundDelivery')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn
          .sum<number | null>(
            eb.case().when('status', 'not in', ['unloaded', 'departed', 'cancelled']).then(1).else(0).end(),
          )
          .as('open'),
      ])
      .where(role, '=', partnerId)
      .executeTakeFirstOrThrow();
  const [supplied, carried, crossReferences, tokens] = await Promise.all([
    countDeliveries('supplierId'),
    countDeliveries('carrierId'),
    db
      .selectFrom('supplierPart')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('supplierId', '=', partnerId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('accessToken')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number | null>(eb.case().when('revokedAt', 'is', null).then(1).else(0).end()).as('active'),
      ])
      .where('partnerId', '=', partnerId)
      .where('scope', '=', 'ingest')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    id: partner.id,
    name: partner.name,
    role: partner.role,
    city: partner.city,
    countryCode: partner.countryCode,
    lat: partner.lat,
    lon: partner.lon,
    partyId: partyIdOf(partner),
    contact: {
      name: partner.contactName,
      email: partner.contactEmail,
      phone: partner.contactPhone,
    },
    createdAt: partner.createdAt,
    asOf: now,
    counts: {
      deliveriesAsSupplier: Number(supplied.total),
      deliveriesAsCarrier: Number(carried.total),
      openDeliveries: Number(supplied.open ?? 0) + Number(carried.open ?? 0),
      supplierParts: Number(crossReferences.n),
      tokens: Number(tokens.total),
      activeTokens: Number(tokens.active ?? 0),
    },
  };
}

export type PartnerDetail = Awaited<ReturnType<typeof partnerDetail>>;
