import { expect, test } from '@playwright/test';

// Issue 4, the viewer link: a wall PC's browser opens the wall with a read-only token. The e2e
// server runs on loopback, so a call without a token is the desk (write access).

const TOKEN_KEY = 'leitstand.viewerToken';

test.describe('the viewer link', () => {
  test('shows the wall read-only and takes the token out of the address bar', async ({
    browser,
    request,
  }) => {
    const created = await request.post('/api/call/viewerLinks.create', { data: { label: 'E2E wall' } });
    expect(created.status()).toBe(200);
    const { token } = (await created.json()).value as { token: string };
    const list = await request.post('/api/call/deliveries.list', { data: {} });
    const deliveryId = ((await list.json()).value as { rows: { id: string }[] }).rows[0]!.id;

    // A fresh context: nothing from the desk (storage, cookies) carries over to the wall PC.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/?token=${token}#/wall`);
    await expect(page.getByTestId('wall-view')).toBeVisible();
    await expect.poll(() => page.locator('.wall-arrival').count()).toBeGreaterThan(0);
    expect(page.url()).not.toContain(token);
    expect(page.url()).toMatch(/#\/wall$/);
    // A viewer never sees administration or any other view.
    await expect(page.getByTestId('viewer-links-open')).toHaveCount(0);
    await page.goto('/#/deliveries');
    await expect(page.getByTestId('wall-view')).toBeVisible();

    const answer = await page.evaluate(
      async ({ key, id }) => {
        const stored = sessionStorage.getItem(key) ?? '';
        const response = await fetch('/api/call/deliveries.addNote', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${stored}` },
          body: JSON.stringify({ id, note: 'von der Wand' }),
        });
        return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
      },
      { key: TOKEN_KEY, id: deliveryId },
    );
    expect(answer.status).toBe(403);
    expect(answer.body.error?.code).toBe('FORBIDDEN');
    await context.close();
  });

  test('the desk creates a link in the wall, sees its address once and revokes it', async ({ page }) => {
    await page.goto('/#/wall');
    await page.getByTestId('viewer-links-open').click();
    const dialog = page.getByTestId('viewer-links');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('viewer-links-label').fill('Halle 2');
    await dialog.getByTestId('viewer-links-create').click();
    const url = await dialog.getByTestId('viewer-links-url').inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}#\/wall$/);
    const row = dialog.getByTestId('viewer-link-row').filter({ hasText: 'Halle 2' });
    await expect(row).toHaveAttribute('data-revoked', 'false');
    await page.screenshot({ path: 'test-results/screenshots/viewer-links.png' });
    await row.getByRole('button').click();
    await expect(row).toHaveAttribute('data-revoked', 'true');
    // The revoked token is refused like any forged one.
    const token = new URL(url).searchParams.get('token')!;
    const refused = await page.request.post('/api/call/plant.overview', {
      data: {},
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(refused.status()).toBe(401);
  });
});

test('the wall shows a lost connection and recovers by itself', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto('/#/wall');
  const wall = page.getByTestId('wall-view');
  await expect(wall).toHaveAttribute('data-connection', 'online');
  await expect.poll(() => page.locator('.wall-arrival').count()).toBeGreaterThan(0);

  await context.setOffline(true);
  await expect(wall).toHaveAttribute('data-connection', 'lost', { timeout: 15_000 });
  await expect(page.getByTestId('wall-connection')).toBeVisible();

  // Nobody touches the screen: the event stream's retry or the probe brings it back.
  await context.setOffline(false);
  await expect(wall).not.toHaveAttribute('data-connection', 'lost', { timeout: 15_000 });
  await expect.poll(() => page.locator('.wall-arrival').count()).toBeGreaterThan(0);
  await context.close();
});
