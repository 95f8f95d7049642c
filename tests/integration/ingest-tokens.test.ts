import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { procedures } from '../../src-main/api/procedures/index';
import { type Caller, callProcedure } from '../../src-main/api/registry';
import { verifyPartnerToken } from '../../src-main/services/accessTokens/partnerTokens';
import { loadFixturePlant } from '../support/fixturePlant';
import { testContext } from '../support/testContext';
import { type IngestHarness, ingestHarness, silent } from './ingest-harness';

// Partner tokens and devices as procedures (the Partners view builds on them).

const desk: Caller = { transport: 'internal', access: 'write' };
const reader: Caller = { transport: 'http', access: 'read' };

describe('partner tokens and devices as procedures', () => {
  let t: Awaited<ReturnType<typeof testContext>>;
  beforeEach(async () => {
    t = await testContext();
    await loadFixturePlant(t.ctx);
  });
  afterEach(() => t.dispose());
  const call = (name: string, input: unknown, caller = desk) =>
    callProcedure(t.ctx, procedures, name, input, caller, silent);

  it('creates a token shown once with the addresses to configure, lists it without the secret, revokes it', async () => {
    const created = await call('partnerTokens.create', { partnerId: 'C1', label: ' Fahrer-Handys ' });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const value = created.value as {
      id: string;
      token: string;
      label: string;
      ingestUrl: { osmandUrl: string };
    };
    expect(value.label).toBe('Fahrer-Handys');
    expect(value.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(value.ingestUrl.osmandUrl).toBe(`http://127.0.0.1:4880/osmand/${value.token}`);
    const listed = await call('partnerTokens.list', { partnerId: 'C1' });
    expect(listed.ok && listed.value).toEqual([
      {
        id: value.id,
        partnerId: 'C1',
        partnerName: 'Spedition Huber',
        label: 'Fahrer-Handys',
        createdAt: t.clock.now(),
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain(value.token);
    const none = await call('partnerTokens.list', { partnerId: 'S1' });
    expect(none.ok && none.value).toEqual([]);
    expect(verifyPartnerToken(t.ctx.database.sqlite, value.token, t.clock.now())).toEqual({
      tokenId: value.id,
      partnerId: 'C1',
    });
    const revoked = await call('partnerTokens.revoke', { id: value.id });
    expect(revoked.ok && (revoked.value as { revokedAt: number }).revokedAt).toBe(t.clock.now());
    // The verified token was cached; revoking drops it at once.
    expect(verifyPartnerToken(t.ctx.database.sqlite, value.token, t.clock.now())).toBeNull();
    const raw = new BetterSqlite3(t.folder.file('plant.db'), { readonly: true });
    try {
      const dump = JSON.stringify(raw.prepare('SELECT * FROM access_token').all());
      expect(dump).not.toContain(value.token);
    } finally {
      raw.close();
    }
  });

  it('refuses an unknown partner, a viewer caller and bad labels', async () => {
    const unknown = await call('partnerTokens.create', { partnerId: 'NOPE', label: 'x' });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
    for (const name of [
      'partnerTokens.create',
      'partnerTokens.list',
      'partnerTokens.revoke',
      'partnerDevices.list',
    ]) {
      const result = await call(name, { partnerId: 'C1', label: 'x', id: 'x' }, reader);
      expect(!result.ok && result.error.code).toBe('FORBIDDEN');
    }
    const empty = await call('partnerTokens.create', { partnerId: 'C1', label: '  ' });
    expect(!empty.ok && empty.error.code).toBe('INVALID_INPUT');
    const missing = await call('partnerTokens.revoke', { id: 'PT-nope' });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });

  it('registers, lists and removes devices', async () => {
    const registered = await call('partnerDevices.register', {
      partnerId: 'C1',
      deviceId: '356938035643809',
      truckPlate: 'R-SH 123',
    });
    expect(registered.ok && registered.value).toEqual({
      partnerId: 'C1',
      deviceId: '356938035643809',
      truckPlate: 'R-SH 123',
      label: '',
      createdAt: t.clock.now(),
    });
    await call('partnerDevices.register', {
      partnerId: 'C1',
      deviceId: '356938035643809',
      truckPlate: 'R-SH 124',
      label: 'Handy Max',
    });
    const listed = await call('partnerDevices.list', {});
    expect(listed.ok && (listed.value as { truckPlate: string }[]).map((d) => d.truckPlate)).toEqual([
      'R-SH 124',
    ]);
    expect(
      (await call('partnerDevices.register', { partnerId: 'C1', deviceId: 'with space', truckPlate: null }))
        .ok,
    ).toBe(false);
    expect((await call('partnerDevices.remove', { partnerId: 'C1', deviceId: '356938035643809' })).ok).toBe(
      true,
    );
    const again = await call('partnerDevices.remove', { partnerId: 'C1', deviceId: '356938035643809' });
    expect(!again.ok && again.error.code).toBe('NOT_FOUND');
  });
});

describe('a revoked token at the ingest server', () => {
  let h: IngestHarness;
  afterEach(() => h.dispose());

  it('is refused from its next request on, though it was verified (and cached) just before', async () => {
    h = await ingestHarness();
    const path = `/osmand/${h.tokens.C1}?id=PHONE-1&lat=49&lon=12&timestamp=`;
    expect((await h.send(`${path}${h.t.clock.now() + 1000}`)).status).toBe(200);
    const revoked = await callProcedure(
      h.t.ctx,
      procedures,
      'partnerTokens.revoke',
      { id: h.tokenIds.C1 },
      desk,
      silent,
    );
    expect(revoked.ok).toBe(true);
    expect((await h.send(`${path}${h.t.clock.now() + 2000}`)).status).toBe(401);
    expect(h.positions()).toHaveLength(1);
  });
});
