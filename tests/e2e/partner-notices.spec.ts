import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { verifyWebhook } from '../../src-main/services/partnerNotices/webhookSignature';
import { api } from './apiCall';

// Issue 6, part 5 in the browser: a partner's notice channel is added on its page (a wrong
// address refused with the server's reason), the dock moves one of its deliveries, and the slot
// change arrives signed at the partner's webhook and shows as sent in the communication log.

const SUPPLIER = 'sup-schliesssysteme-graz';
const SECRET = 'e2e-webhook-secret-0123456789';

let receiver: Server;
let url = '';
const received: { verified: boolean; body: string }[] = [];

test.beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = request.headers['x-leitstand-signature'];
      const verified = verifyWebhook(
        SECRET,
        body,
        typeof header === 'string' ? header : undefined,
        Date.now(),
      ).ok;
      received.push({ verified, body });
      response.writeHead(verified ? 200 : 401).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/notices`;
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

test('a webhook channel is added on the partner page and a moved slot is told to it, signed', async ({
  page,
}) => {
  await page.goto(`/#/partners/${SUPPLIER}`);
  const outbox = page.getByTestId('partner-outbox');
  await expect(outbox).toBeVisible();

  await outbox.getByTestId('outbox-add-channel').click();
  const form = outbox.getByTestId('outbox-channel-form');
  await form.getByTestId('channel-address').fill('ftp://partner.example/in');
  await form.getByTestId('channel-secret').fill(SECRET);
  await form.getByTestId('channel-save').click();
  // The server's reason, as it gave it.
  await expect(form.getByRole('alert')).toContainText('must be an http:// or https:// URL');
  await form.getByTestId('channel-address').fill(url);
  await form.getByTestId('channel-save').click();
  await expect(outbox.getByTestId('outbox-channel')).toHaveCount(1);
  await expect(outbox.getByTestId('outbox-channel')).toContainText(url);
  // Austria: German by default.
  await expect(outbox.getByTestId('outbox-channel')).toContainText('Deutsch');

  // The dock moves one of the supplier's trucks to another free slot.
  const list = await api(page, 'deliveries.list', { statuses: ['announced', 'in_transit'], limit: 200 });
  let moved: string | null = null;
  for (const row of list.rows.filter((r) => r.supplierId === SUPPLIER)) {
    const { suggestions } = await api(page, 'docks.suggestSlots', { deliveryId: row.id, limit: 5 });
    const other = suggestions.find((s) => s.slotStart !== row.slotStart || s.doorId !== row.doorId);
    if (!other) continue;
    await api(page, 'docks.moveSlot', {
      deliveryId: row.id,
      doorId: other.doorId,
      slotStart: other.slotStart,
    });
    moved = row.id;
    break;
  }
  expect(moved).not.toBeNull();

  // The log shows the slot change as sent (a shortage alert may come too, when the demo's staged
  // shortage is this supplier's).
  const change = outbox.getByTestId('outbox-message').filter({ hasText: 'Slotänderung' });
  await expect(change).toHaveCount(1);
  await expect(change).toHaveAttribute('data-status', 'sent');
  const bodies = received.map(
    (r) => JSON.parse(r.body) as { kind: string; partnerId: string; language: string },
  );
  expect(received.every((r) => r.verified)).toBe(true);
  expect(bodies.filter((b) => b.kind === 'slot_change')).toEqual([
    expect.objectContaining({ partnerId: SUPPLIER, language: 'de' }),
  ]);
  await page.screenshot({ path: 'test-results/screenshots/partner-outbox-de.png', fullPage: true });

  // The secret never comes back to the page.
  await page.reload();
  await expect(outbox.getByTestId('outbox-channel')).toHaveCount(1);
  await expect(page.locator('body')).not.toContainText(SECRET);
});
