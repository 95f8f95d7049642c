import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';

// Issue 8 in the browser: the shift supervisor downloads the day's report as PDF and a shift's as
// XLSX from the Reports view; the dashboard draws its four charts and follows the partner filter;
// the automatic export refuses a folder that does not exist. Screenshots (and the PDF's first
// page as an image) are kept for people to look at.

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

async function openReports(page: Page) {
  await page.goto('/#/reports');
  await expect(page.getByTestId('report-kpi-planned')).toContainText(/\d/);
}

test('exports the day as PDF and a shift as XLSX through a download', async ({ page }) => {
  await openReports(page);
  await page.screenshot({ path: `${SHOTS}/reports-top.png` });
  const dir = mkdtempSync(join(tmpdir(), 'leitstand-e2e-reports-'));

  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('report-export-pdf').click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^Anlieferungen_\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfPath = join(dir, pdf.suggestedFilename());
  await pdf.saveAs(pdfPath);
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
  expect(text).toContain('Tagesbericht Anlieferungen');
  expect(text).toMatch(/Seite 1 von \d+/);
  execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '2', pdfPath, `${SHOTS}/report-pdf`]);

  await page.getByTestId('report-shift').selectOption('frueh');
  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('report-export-xlsx').click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/^Anlieferungen_\d{4}-\d{2}-\d{2}_frueh\.xlsx$/);
  const xlsxPath = join(dir, xlsx.suggestedFilename());
  await xlsx.saveAs(xlsxPath);
  // An XLSX is a zip archive.
  expect(readFileSync(xlsxPath).subarray(0, 2).toString()).toBe('PK');

  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('report-export-csvSemicolon').click();
  const csvPath = join(dir, 'report.csv');
  await (await csvDownload).saveAs(csvPath);
  expect(readFileSync(csvPath, 'utf8').startsWith('\uFEFFLieferavis;Lieferant;')).toBe(true);
});

test('the dashboard draws its four charts and follows the partner filter', async ({ page }) => {
  await openReports(page);
  const dashboard = page.getByTestId('delivery-dashboard');
  await dashboard.scrollIntoViewIfNeeded();
  for (const chart of ['dashboard-on-time', 'dashboard-dwell', 'dashboard-hourly', 'dashboard-stoppages']) {
    await expect(page.getByTestId(chart).locator('svg.recharts-surface').first()).toBeVisible();
  }
  await expect
    .poll(() => page.getByTestId('dashboard-hourly').locator('.recharts-bar-rectangle').count())
    .toBeGreaterThan(3);
  await expect(page.getByTestId('dashboard-on-time').locator('.recharts-line-curve')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/reports-full.png`, fullPage: true });
  await dashboard.screenshot({ path: `${SHOTS}/reports-dashboard.png` });

  const partner = page.getByTestId('dashboard-partner');
  const options = await partner.locator('option').allTextContents();
  expect(options.length).toBeGreaterThan(5);
  await partner.selectOption({ index: 1 });
  await expect(page.getByTestId('dashboard-hourly').locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('dashboard-stoppages')).toContainText(/Lieferanten|supplier/);
});

test('the automatic export refuses a folder that does not exist and saves one that does', async ({
  page,
}) => {
  await openReports(page);
  const panel = page.getByTestId('auto-export');
  await panel.scrollIntoViewIfNeeded();
  await page.getByTestId('auto-export-folder').fill('/gibt/es/nicht');
  await page.getByTestId('auto-export-enabled').check();
  await page.getByTestId('auto-export-save').click();
  await expect(panel.getByRole('alert')).toContainText('does not exist');
  const folder = mkdtempSync(join(tmpdir(), 'leitstand-e2e-auto-'));
  await page.getByTestId('auto-export-folder').fill(folder);
  await page.getByTestId('auto-export-save').click();
  await expect(panel.getByRole('status')).toBeVisible();
  await panel.screenshot({ path: `${SHOTS}/reports-auto-export.png` });
});
