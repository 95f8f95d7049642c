import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';

// Issue 6, part 1 in the browser: a partner's page with its scorecard and weekly trend, the
// part-number cross-reference, and an access token that is shown once and then revoked.
// Screenshots in both languages and both themes are kept for people.

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });
const SUPPLIER = 'sup-schliesssysteme-graz';

async function openPartner(page: Page, id: string) {
  await page.goto(`/#/partners/${id}`);
  await expect(page.getByTestId('partner-detail')).toBeVisible();
  await expect(page.getByTestId('partner-scorecard').getByTestId('scorecard-onTime')).toBeVisible();
}

test('a partner opens from the list by keyboard and shows its scorecard and weekly trend', async ({
  page,
}) => {
  await page.goto('/#/partners');
  await expect.poll(() => page.getByTestId('partner-row').count()).toBeGreaterThanOrEqual(18);
  const link = page.locator(`[data-partner-id="${SUPPLIER}"]`).getByTestId('partner-link');
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/partners/${SUPPLIER}$`));
  await expect(page.getByTestId('partner-detail')).toHaveAttribute('data-partner-id', SUPPLIER);
  await expect(page.getByTestId('partner-contact-email')).toHaveAttribute('href', /^mailto:/);
  await expect(page.getByTestId('partner-contact-phone')).toHaveAttribute('href', /^tel:\+/);

  for (const tile of ['onTime', 'slotAdherence', 'noticeAccuracy', 'delay', 'impact']) {
    await expect(page.getByTestId(`scorecard-${tile}`)).toBeVisible();
  }
  // The demo plant has a morning of arrivals: the rates are real percentages.
  await expect(page.getByTestId('scorecard-onTime-value')).toHaveText(/\d+\s?%/);
  await expect(page.getByTestId('scorecard-noticeAccuracy-value')).toHaveText(/\d+\s?%/);
  const chart = page.getByTestId('scorecard-trend-chart');
  await expect(chart).toHaveAttribute('data-weeks', '8');
  // The demo's history is short: at least the current week carries a point and a bar slot.
  await expect(chart.locator('.recharts-line-dot').first()).toBeVisible();
  await expect(chart.getByRole('application')).toContainText(/KW \d+/);

  // A shorter range: the trend follows it.
  await page.getByTestId('scorecard-range-4').click();
  await expect(chart).toHaveAttribute('data-weeks', '4');
  await expect(page.getByTestId('scorecard-range-4')).toHaveAttribute('aria-pressed', 'true');

  // The plant-wide tolerance, by keyboard: out of bounds is refused on the spot, Enter applies.
  const tolerance = page.getByTestId('scorecard-tolerance-input');
  await tolerance.fill('121');
  await expect(page.getByTestId('scorecard-tolerance').getByRole('alert')).toBeVisible();
  await tolerance.fill('0');
  await tolerance.press('Enter');
  await expect(page.getByTestId('scorecard-onTime')).toContainText('+ 0 min');
  await tolerance.fill('15');
  await tolerance.press('Enter');
  await expect(page.getByTestId('scorecard-onTime')).toContainText('+ 15 min');

  await expect(page.getByTestId('partner-xref-row').first()).toBeVisible();
  const all = await page.getByTestId('partner-xref-row').count();
  await page.getByTestId('partner-xref-search').fill('Türschloss');
  await expect.poll(() => page.getByTestId('partner-xref-row').count()).toBeLessThan(all);
  await expect(page.getByTestId('partner-xref-row').first()).toContainText('Türschloss');
});

test('a token is shown once with its ingest addresses, then revoked after confirmation', async ({ page }) => {
  await openPartner(page, SUPPLIER);
  const tokens = page.getByTestId('partner-tokens');
  await tokens.getByTestId('token-label').fill('Traccar Fahrer-Handys');
  await tokens.getByTestId('token-create').click();
  const created = page.getByTestId('token-created');
  await expect(created).toBeVisible();
  const secret = await page.getByTestId('token-secret').inputValue();
  expect(secret.length).toBeGreaterThanOrEqual(32);
  await expect(page.getByTestId('token-osmand-url')).toHaveValue(
    new RegExp(`^http://[^/]+:\\d+/osmand/${secret}$`),
  );
  await expect(page.getByTestId('token-api-url')).toHaveValue(/\/partner\/v1\/$/);
  await expect(page.getByTestId('token-bearer')).toHaveValue(`Authorization: Bearer ${secret}`);
  await expect(tokens.getByTestId('token-row')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/partner-token-created.png` });

  await page.getByTestId('token-created-done').click();
  await expect(created).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(secret);
  // Nor after a reload: the list has the label and dates, never the secret.
  await page.reload();
  await expect(tokens.getByTestId('token-row')).toHaveCount(1);
  await expect(page.locator('body')).not.toContainText(secret);

  const row = tokens.getByTestId('token-row').first();
  await expect(row).toHaveAttribute('data-revoked', 'false');
  await row.getByTestId('token-revoke').click();
  const dialog = page.getByTestId('token-revoke-dialog');
  await expect(dialog).toBeVisible();
  // Escape cancels: nothing is revoked.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(row).toHaveAttribute('data-revoked', 'false');
  await row.getByTestId('token-revoke').click();
  await page.getByTestId('token-revoke-confirm').click();
  await expect(row).toHaveAttribute('data-revoked', 'true');
  await expect(row.getByTestId('token-revoke')).toHaveCount(0);
});

test('the partner page in both languages and both themes', async ({ page }) => {
  // Tall enough for the whole page: its body scrolls inside the shell, which a full-page shot misses.
  await page.setViewportSize({ width: 1440, height: 1900 });
  await openPartner(page, SUPPLIER);
  await expect(page.getByTestId('scorecard-trend-chart').locator('.recharts-line-dot').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/partner-de-light.png` });
  await page.getByTestId('theme-dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: `${SHOTS}/partner-de-dark.png` });
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.getByTestId('scorecard-onTime')).toContainText('On-time rate');
  await page.screenshot({ path: `${SHOTS}/partner-en-dark.png` });
  await page.getByTestId('theme-light').click();
  await page.screenshot({ path: `${SHOTS}/partner-en-light.png` });
  await openPartner(page, 'car-traunviertel');
  await expect(page.getByTestId('scorecard-noticeAccuracy')).toContainText(
    'carriers send no shipping notices',
  );
  await page.screenshot({ path: `${SHOTS}/partner-carrier-en.png` });
  await page.getByTestId('language-switch').selectOption('de');
});
