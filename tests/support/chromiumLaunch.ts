// Debian's Chromium as the browser tests (playwright.config.ts) and the browser benches
// (tests/bench/chromium.ts) launch it: headless, no browser ever downloaded, and the background
// services off so they neither reach out nor disturb the timings.
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
