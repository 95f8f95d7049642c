import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';

// Issue 2 in the browser: every view shows the demo plant, a delivery opens, the language switch
// works and is remembered, keyboard shortcuts switch views. Screenshots are kept for people.

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

async function openView(page: Page, view: string) {
  await page.goto(`/#/${view}`);
  await expect(page.getByTestId('plant-clock')).toBeVisible();
}

test('the header shows the plant clock, the demo badge and the views', async ({ page }) => {
  await openView(page, 'map');
  await expect(page.getByTestId('plant-clock')).toHaveText(/\d{2}:\d{2}/);
  for (const view of ['map', 'docks', 'lines', 'deliveries', 'partners', 'reports', 'wall']) {
    await expect(page.getByTestId(`nav-${view}`)).toBeVisible();
  }
});

test('the map shows the demo trucks', async ({ page }) => {
  await openView(page, 'map');
  const map = page.getByTestId('map-view');
  await expect(map).toBeVisible();
  await expect.poll(async () => Number(await map.getAttribute('data-truck-count'))).toBeGreaterThan(5);
  await expect(page.getByTestId('truck-item').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/map.png` });
});

test('the dock timeline shows slots at the doors', async ({ page }) => {
  await openView(page, 'docks');
  await expect(page.getByTestId('dock-row')).toHaveCount(10);
  await expect.poll(() => page.getByTestId('slot-bar').count()).toBeGreaterThan(20);
  await page.screenshot({ path: `${SHOTS}/docks.png` });
});

test('the lines view shows the lines and their orders', async ({ page }) => {
  await openView(page, 'lines');
  await expect.poll(() => page.getByTestId('line-row').count()).toBeGreaterThanOrEqual(4);
  await expect.poll(() => page.getByTestId('order-bar').count()).toBeGreaterThan(4);
  await page.screenshot({ path: `${SHOTS}/lines.png` });
});

test('the deliveries list finds a delivery and its detail shows items and history', async ({ page }) => {
  await openView(page, 'deliveries');
  const rows = page.getByTestId('delivery-row');
  await expect.poll(() => rows.count()).toBeGreaterThan(20);
  // A delivery that has already been unloaded has a history and received quantities.
  const done = page.locator('[data-testid="delivery-row"][data-status="departed"]').first();
  const target = (await done.count()) > 0 ? done : rows.first();
  const id = await target.getAttribute('data-delivery-id');
  expect(id).toBeTruthy();
  await page.getByRole('searchbox').fill(id!);
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  const detail = page.getByTestId('delivery-detail');
  await expect(detail).toBeVisible();
  await expect(detail).toContainText(id!);
  await expect.poll(() => detail.getByTestId('delivery-item').count()).toBeGreaterThan(0);
  await expect.poll(() => detail.getByTestId('status-history-entry').count()).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/delivery-detail.png` });
});

test('the partners view lists suppliers and carriers', async ({ page }) => {
  await openView(page, 'partners');
  await expect.poll(() => page.getByTestId('partner-row').count()).toBeGreaterThanOrEqual(18);
});

test('the reports view sums up today', async ({ page }) => {
  await openView(page, 'reports');
  await expect(page.getByTestId('report-kpi-planned')).toContainText(/\d{2,}/);
  await page.screenshot({ path: `${SHOTS}/reports.png` });
});

test('the wall view shows map, arrivals and alerts at 1920×1080', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/#/wall');
  await expect(page.getByTestId('wall-view')).toBeVisible();
  await expect(page.getByTestId('wall-arrivals')).toBeVisible();
  await expect(page.getByTestId('wall-alerts')).toBeVisible();
  await expect
    .poll(async () => Number(await page.getByTestId('map-view').getAttribute('data-truck-count')))
    .toBeGreaterThan(5);
  await page.screenshot({ path: `${SHOTS}/wall.png` });
});

test('keyboard shortcuts switch views', async ({ page }) => {
  await openView(page, 'map');
  await page.keyboard.press('Control+4');
  await expect(page).toHaveURL(/#\/deliveries/);
  await page.keyboard.press('Control+3');
  await expect(page).toHaveURL(/#\/lines/);
});

test('the language switch changes the interface and is remembered', async ({ page }) => {
  await openView(page, 'deliveries');
  await expect(page.getByTestId('nav-deliveries')).toContainText('Anlieferungen');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Anlieferungen');
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.getByTestId('nav-deliveries')).toContainText('Deliveries');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Deliveries');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByTestId('nav-deliveries')).toContainText('Deliveries');
  await page.getByTestId('language-switch').selectOption('de');
  await expect(page.getByTestId('nav-map')).toContainText('Karte');
});

test('the theme switch turns the desk dark', async ({ page }) => {
  await openView(page, 'deliveries');
  await page.getByTestId('theme-dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: `${SHOTS}/deliveries-dark.png` });
});
