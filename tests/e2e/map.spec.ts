import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { tinyPmtiles } from '../support/tinyPmtiles';

// Issue 4's map in the browser: selecting a truck shows its details and track, a disruption the
// simulator imposes turns the truck late without a reload, and the filters narrow the list.

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

interface LiveTruckRow {
  id: string;
  status: string;
  truckPlate: string | null;
  supplierName: string;
  carrierName: string | null;
  critical: boolean;
  punctuality: { class: string; minutesLate: number | null };
}

async function callApi<T>(request: APIRequestContext, name: string, input: unknown): Promise<T> {
  const response = await request.post(`/api/call/${name}`, { data: input });
  const body = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(`${name} failed: ${body.error.message}`);
  return body.value;
}

async function openMap(page: Page) {
  await page.goto('/#/map');
  await expect(page.getByTestId('map-view')).toBeVisible();
  await expect.poll(() => page.getByTestId('truck-item').count(), { timeout: 15_000 }).toBeGreaterThan(5);
}

test('selecting a truck in the list shows its details, load, track and way to the plant', async ({
  page,
  request,
}) => {
  await openMap(page);
  const { trucks } = await callApi<{ trucks: LiveTruckRow[] }>(request, 'trucks.live', {});
  const truck = trucks.find((row) => row.status === 'in_transit' && row.truckPlate);
  expect(truck).toBeDefined();
  await page.locator(`[data-testid="truck-item"][data-delivery-id="${truck!.id}"]`).click();
  const details = page.getByTestId('truck-details');
  await expect(details).toBeVisible();
  await expect(details.locator('.truck-details__plate')).toHaveText(truck!.truckPlate!);
  await expect(details.getByTestId('truck-load')).toBeVisible();
  await expect(page.locator('.base-map path.truck-track')).toHaveCount(1);
  await expect(page.locator('.base-map path.truck-route')).toHaveCount(1);

  const follow = details.getByTestId('follow-truck');
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  await follow.focus();
  await page.keyboard.press('Enter');
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('map-view')).toHaveAttribute('data-following', 'true');
  // Following zooms in to the truck, out of the clusters; Leaflet ignores a drag during the zoom.
  await expect(page.getByTestId('map-view')).toHaveAttribute('data-cluster-count', '0');
  await expect(page.locator('.base-map .leaflet-zoom-anim')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/map-selected.png` });
  // A pan by hand ends following.
  const box = (await page.locator('.base-map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 3 + 60, { steps: 6 });
  await page.mouse.up();
  await expect(follow).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
});

test('a disruption staged through demo.disrupt turns an on-time truck late without a reload', async ({
  page,
  request,
}) => {
  await openMap(page);
  const { trucks } = await callApi<{ trucks: LiveTruckRow[] }>(request, 'trucks.live', {});
  const truck = trucks.find((row) => row.status === 'in_transit' && row.punctuality.class === 'on_time');
  expect(truck).toBeDefined();
  const item = page.locator(`[data-testid="truck-item"][data-delivery-id="${truck!.id}"]`);
  await expect(item).toHaveAttribute('data-punctuality', 'on_time');

  await callApi(request, 'demo.disrupt', { deliveryId: truck!.id, kind: 'breakdown', minutes: 600 });
  await expect(item).toHaveAttribute('data-punctuality', 'late', { timeout: 5_000 });
});

test('the supplier, carrier and critical filters narrow the list', async ({ page }) => {
  await openMap(page);
  const items = page.getByTestId('truck-item');
  const all = await items.count();

  const supplier = page.getByTestId('filter-supplier');
  const supplierName = (await supplier.locator('option').nth(1).textContent())!;
  await supplier.selectOption({ index: 1 });
  await expect.poll(() => items.count()).toBeLessThan(all);
  for (const text of await items.locator('.truck-item__supplier').allTextContents()) {
    expect(text).toBe(supplierName);
  }
  await supplier.selectOption('');
  await expect.poll(() => items.count()).toBeGreaterThanOrEqual(all - 2);

  const carrier = page.getByTestId('filter-carrier');
  await carrier.selectOption({ index: 1 });
  await expect.poll(() => items.count()).toBeLessThan(all);
  await carrier.selectOption('');

  const critical = page.getByTestId('filter-critical');
  await critical.check();
  const label = await page.locator('.map-filters__critical').textContent();
  const expected = Number(/\((\d+)\)/.exec(label ?? '')?.[1]);
  await expect.poll(() => items.count()).toBeLessThanOrEqual(expected);
  await critical.uncheck();
  await expect.poll(() => items.count()).toBeGreaterThanOrEqual(all - 2);
});

test('at low zoom the trucks are drawn in clusters on the canvas', async ({ page }) => {
  await openMap(page);
  const map = page.getByTestId('map-view');
  await expect.poll(async () => Number(await map.getAttribute('data-cluster-count'))).toBeGreaterThan(0);
  // No DOM node per truck: the markers are on one canvas.
  await expect(page.locator('.base-map canvas.truck-canvas')).toHaveCount(1);
});

test('the base map switches to online tiles with their attribution and back to the offline land', async ({
  page,
}) => {
  // No internet in the test: tile requests fail, fast and harmlessly.
  await page.route(/^https:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await openMap(page);
  const view = page.getByTestId('map-view');
  await expect(view).toHaveAttribute('data-base-map', 'offline');
  await expect(page.locator('.base-map path.map-land').first()).toBeAttached();

  await page.getByTestId('tiles-online').click();
  await expect(view).toHaveAttribute('data-base-map', 'online');
  await expect(page.locator('.base-map .leaflet-tile-pane .leaflet-layer')).toHaveCount(1);
  await expect(page.locator('.leaflet-control-attribution')).toContainText('OpenStreetMap');

  // A custom source is validated, then its attribution shows (as text, not HTML).
  await page.getByTestId('tile-settings').click();
  await page.getByTestId('tile-url').fill('http://tiles.example.com/{z}/{x}/{y}.png');
  await page.getByTestId('tile-save').click();
  await expect(page.getByTestId('tile-settings-form')).toContainText('https');
  await page.screenshot({ path: `${SHOTS}/map-tile-settings.png` });
  await page.getByTestId('tile-url').fill('https://tiles.example.com/{z}/{x}/{y}.png');
  await page.getByTestId('tile-attribution').fill('© Example <b>Tiles</b>');
  await page.getByTestId('tile-save').click();
  await expect(page.getByTestId('tile-settings-form')).toHaveCount(0);
  await expect(page.locator('.leaflet-control-attribution')).toContainText('© Example <b>Tiles</b>');

  await page.getByTestId('tiles-offline').click();
  await expect(view).toHaveAttribute('data-base-map', 'offline');
  await expect(page.locator('.base-map .leaflet-tile-pane .leaflet-layer')).toHaveCount(0);
  await expect(page.locator('.leaflet-control-attribution')).not.toContainText('Example');
  await expect(page.locator('.base-map path.map-land').first()).toBeAttached();
});

test('a local PMTiles file is drawn by protomaps-leaflet without any request off this server', async ({
  page,
}) => {
  const offServer: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1:') && !/^(data|blob):/.test(request.url())) {
      offServer.push(request.url());
    }
  });
  await openMap(page);
  await page.getByTestId('tiles-pmtiles').click();
  await expect(page.getByTestId('map-view')).toHaveAttribute('data-base-map', 'pmtiles');
  await page.getByTestId('pmtiles-file').setInputFiles({
    name: 'tiny.pmtiles',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(tinyPmtiles()),
  });
  await expect(page.locator('.base-map .pmtiles-layer canvas').first()).toBeAttached();
  await expect(page.getByTestId('pmtiles-problem')).toHaveCount(0);
  await expect(page.locator('.leaflet-control-attribution')).toContainText('Protomaps');

  await page.getByTestId('pmtiles-file').setInputFiles({
    name: 'broken.pmtiles',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('not a map'.repeat(20)),
  });
  await expect(page.getByTestId('pmtiles-problem')).toBeVisible();
  await expect(page.locator('.base-map .pmtiles-layer')).toHaveCount(0);
  expect(offServer).toEqual([]);
});
