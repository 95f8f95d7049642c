import { type Browser, expect, type Page, test } from '@playwright/test';
import { emptyPlantUrl } from './ports';

// The first run, on a server of its own started with --empty: the three choices, then an empty
// plant with its location, which leads into the app. Creating the plant cannot be undone on this
// server, so the tests run in order (serial): the choices first, the app after; the later tests
// use the plant the second one created to show that settings reach every open screen at once.

test.use({ baseURL: emptyPlantUrl });
test.describe.configure({ mode: 'serial' });

/** A second screen: a browser context of its own, as another desk or a wall would be. */
async function secondScreen(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: emptyPlantUrl,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

test('an empty plant opens on the three first-run choices', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('first-run')).toBeVisible();
  await expect(page.getByTestId('first-run-demo')).toBeVisible();
  await expect(page.getByTestId('first-run-empty')).toBeVisible();
  await expect(page.getByTestId('first-run-import')).toBeVisible();
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
});

test('an empty plant with its location leads into the app', async ({ page }) => {
  await page.goto('/#/map');
  await expect(page.getByTestId('first-run')).toBeVisible();
  await page.getByTestId('first-run-name').fill('Werk Nord');
  await page.getByTestId('first-run-city').fill('Bremen');
  await page.getByTestId('first-run-lat').fill('53.08');
  await page.getByTestId('first-run-lon').fill('8.80');
  await page.getByTestId('first-run-timeZone').fill('Europe/Berlin');
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('first-run')).toHaveCount(0);
  await expect(page.getByTestId('map-view')).toBeVisible();
  await expect(page.locator('.header__plant')).toHaveText('Werk Nord · Bremen');
  // An own plant, not the demo: no demo badge, and the choice holds over a reload.
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('map-view')).toBeVisible();
  await expect(page.getByTestId('first-run')).toHaveCount(0);
});

test('a language saved in the settings reaches another open screen without a reload', async ({
  page,
  browser,
}) => {
  const other = await secondScreen(browser, '/#/map');
  await expect(other.getByTestId('nav-map')).toContainText('Karte');
  await page.goto('/#/settings');
  await page.getByTestId('settings-language').selectOption('en');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-message')).toBeVisible();
  await expect(other.locator('html')).toHaveAttribute('lang', 'en');
  await expect(other.getByTestId('nav-map')).toContainText('Map');
  // A screen opened afterwards starts in the plant's language, though its browser speaks German.
  const later = await secondScreen(browser, '/#/map');
  await expect(later.getByTestId('nav-map')).toContainText('Map');
  await page.getByTestId('settings-language').selectOption('de');
  await page.getByTestId('settings-save').click();
  await expect(other.getByTestId('nav-map')).toContainText('Karte');
  await other.context().close();
  await later.context().close();
});

test('the base map chosen on one screen is the base map of every screen', async ({ page, browser }) => {
  const other = await secondScreen(browser, '/#/map');
  await expect(other.getByTestId('map-view')).toHaveAttribute('data-base-map', 'offline');
  await page.goto('/#/map');
  await page.getByTestId('tiles-online').click();
  await expect(page.getByTestId('map-view')).toHaveAttribute('data-base-map', 'online');
  await expect(other.getByTestId('map-view')).toHaveAttribute('data-base-map', 'online');
  await page.getByTestId('tiles-offline').click();
  await expect(other.getByTestId('map-view')).toHaveAttribute('data-base-map', 'offline');
  await other.context().close();
});
