import { defineConfig } from '@playwright/test';
import { E2E_PORT, EMPTY_PLANT_PORT, OWN_PLANT_PORT } from './tests/e2e/ports';
import { CHROMIUM_LAUNCH } from './tests/support/chromiumLaunch';

// Browser tests run in Debian's Chromium against `npm run serve`'s bundle (built by `npm test`
// before this runs) on a fresh demo database; no browser is ever downloaded.
const port = E2E_PORT;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1440, height: 900 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    launchOptions: CHROMIUM_LAUNCH,
  },
  // The third server starts without a plant (--empty), for the first-run screen.
  webServer: [
    { serverPort: port, flags: '' },
    { serverPort: OWN_PLANT_PORT, flags: '' },
    { serverPort: EMPTY_PLANT_PORT, flags: ' --empty' },
  ].map(({ serverPort, flags }) => ({
    command: `node tests/e2e/startServer.mjs ${serverPort}${flags}`,
    url: `http://127.0.0.1:${serverPort}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe' as const,
  })),
});
