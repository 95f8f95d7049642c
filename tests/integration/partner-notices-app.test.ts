import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src-main/api/registry';
import { createLeitstand, type Leitstand } from '../../src-main/app/createLeitstand';
import { dispatcherOf } from '../../src-main/services/partnerNotices/dispatcher';
import { loadFixturePlant } from '../support/fixturePlant';
import { tempFolder } from '../support/tempDatabase';
import { startWebhookReceiver, type WebhookReceiver } from './partner-notices-receivers';

// The dispatcher inside the running application: started with it, woken by the plant's change
// events (no polling needed), stopped with it.

const desk: Caller = { transport: 'internal', access: 'write' };
const silent = { error: () => {}, warn: () => {}, info: () => {} };
const SECRET = 'whsec-app-test-0123456789';

let folder: ReturnType<typeof tempFolder>;
let app: Leitstand;
let receiver: WebhookReceiver;

beforeEach(async () => {
  folder = tempFolder();
  receiver = await startWebhookReceiver(SECRET, Date.now);
  app = await createLeitstand({
    dbPath: folder.file('plant.db'),
    empty: true,
    logger: silent,
    recommender: { mode: 'inline', autoRecompute: false },
  });
});
afterEach(async () => {
  await app.close();
  await receiver.close();
  folder.remove();
});

const notified = (predicate: () => Promise<boolean>) =>
  new Promise<void>((resolve) => {
    const off = app.bus.on('notices.changed', async () => {
      if (await predicate()) {
        off();
        resolve();
      }
    });
  });

describe('the notice dispatcher in the app', () => {
  it('sends a slot confirmation once the delivery change is announced, and stops with the app', async () => {
    await loadFixturePlant(app.ctx);
    expect(dispatcherOf(app.ctx)).not.toBeNull();
    const channel = await app.call(
      'partnerNotices.setChannel',
      { partnerId: 'C1', kind: 'webhook', address: receiver.url, secret: SECRET },
      desk,
    );
    expect(channel.ok).toBe(true);
    const sent = notified(async () => {
      const row = await app.database.db.selectFrom('partnerMessage').select('status').executeTakeFirst();
      return row?.status === 'sent';
    });
    await app.database.db
      .insertInto('eventLog')
      .values({
        at: Date.now(),
        actor: 'user',
        kind: 'slot.booked',
        entityType: 'delivery',
        entityId: 'D-1',
        payload: '{}',
      })
      .execute();
    app.bus.emit('deliveries.changed', { ids: ['D-1'] });
    await sent;
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]!.verified).toBe(true);
    await app.close();
    expect(dispatcherOf(app.ctx)).toBeNull();
  });
});
