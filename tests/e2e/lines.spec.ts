import { expect, test } from '@playwright/test';

// Issue 3 in the browser: the demo plant shows a predicted stoppage, the recommendation panel
// explains how to avoid it, applying the proposal removes the stoppage, undo brings it back.

test('a predicted stoppage is explained, avoided by applying the proposal, and restored by undo', async ({
  page,
}) => {
  await page.goto('/#/lines');
  await expect(page.getByTestId('lines-view')).toBeVisible();
  const markers = page.getByTestId('stoppage-marker');
  await expect.poll(() => markers.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  const lineId = await markers.first().getAttribute('data-line-id');
  const partId = await markers.first().getAttribute('data-part-id');
  const marker = page.locator(
    `[data-testid="stoppage-marker"][data-line-id="${lineId}"][data-part-id="${partId}"]`,
  );

  const panel = page.getByTestId('recommendation-panel');
  const proposal = panel
    .locator('[data-testid="recommendation"][data-kind="resequence"][data-status="open"]')
    .first();
  await expect(proposal).toBeVisible({ timeout: 20_000 });
  await expect(proposal.getByTestId('recommendation-sentence')).toHaveText(/.{20,}/);
  await expect(proposal.getByTestId('metrics-before')).toBeVisible();
  await expect(proposal.getByTestId('metrics-after')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/lines-recommendation.png' });

  await proposal.getByTestId('recommendation-apply').click();
  await expect(marker).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/lines-applied.png' });

  await panel.getByTestId('recommendation-undo').first().click();
  await expect(marker).not.toHaveCount(0);
});

test('a critical part opens its coverage curve', async ({ page }) => {
  await page.goto('/#/lines');
  const part = page.getByTestId('critical-part').first();
  await expect(part).toBeVisible({ timeout: 15_000 });
  const partId = await part.getAttribute('data-part-id');
  await part.click();
  await expect(page.locator(`[data-testid="coverage-chart"][data-part-id="${partId}"]`)).toBeVisible();
});
