import { expect, type Page, test } from '@playwright/test';

// The settings view on the demo plant: the form saves and survives a reload, the import's dry run
// names errors by file, row and column, templates download, and the demo offers its removal
// behind a confirmation (cancelled here: the other specs share this demo plant).

async function openSettings(page: Page) {
  await page.goto('/#/map');
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-view')).toBeVisible();
}

test('settings save and survive a reload', async ({ page }) => {
  await openSettings(page);
  const frozen = page.getByTestId('settings-frozen');
  const before = await frozen.inputValue();
  await frozen.fill('75');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-message')).toContainText('Gespeichert');
  await page.reload();
  await expect(page.getByTestId('settings-frozen')).toHaveValue('75');
  await page.getByTestId('settings-frozen').fill(before);
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-message')).toContainText('Gespeichert');
});

test('a bad time zone is refused with the field named', async ({ page }) => {
  await openSettings(page);
  await page.getByTestId('settings-timezone').fill('Europe/Atlantis');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-message')).toContainText('plant.timeZone');
});

test('the dry run names each error by file, row and column', async ({ page }) => {
  await openSettings(page);
  await page.getByTestId('import-files').setInputFiles([
    {
      name: 'bom_items.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('product_id;part_id;quantity\nX;Y;-3\n', 'utf8'),
    },
  ]);
  await page.getByTestId('import-preview').click();
  const errors = page.getByTestId('import-errors');
  await expect(errors).toBeVisible();
  await expect(errors).toContainText('demo plant');
  await expect(errors.locator('tr', { hasText: 'quantity' })).toContainText('-3 must be greater than 0');
  await expect(errors.locator('tr', { hasText: 'quantity' })).toContainText('bom_items.csv');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
});

test('templates download and the demo can be removed only after a confirmation', async ({ page }) => {
  await openSettings(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('template-xlsx').click();
  expect((await download).suggestedFilename()).toBe('leitstand-plant.xlsx');
  await expect(page.getByTestId('settings-demo')).toBeVisible();
  await page.getByTestId('demo-remove').click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(page.getByTestId('demo-badge')).toBeVisible();
});
