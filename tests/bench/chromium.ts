import type { Browser, Page } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../support/chromiumLaunch';

// The Chromium the browser benches drive through Playwright, launched as the browser tests launch it.

/**
 * Playwright is a dev dependency, so the bundler would inline it (and break it); a specifier it
 * cannot follow keeps it an import of node_modules at run time.
 */
const PLAYWRIGHT = '@playwright/test';

export async function launchChromium(): Promise<Browser> {
  const { chromium } = (await import(/* @vite-ignore */ PLAYWRIGHT)) as typeof import('@playwright/test');
  return chromium.launch({ ...CHROMIUM_LAUNCH, timeout: 30_000 });
}

/** Waits for `count` animation frames of the page: pacing by what the browser draws, not a clock. */
export function nextFrames(page: Page, count: number): Promise<void> {
  return page.evaluate(
    (n) =>
      new Promise<void>((done) => {
        let left = n;
        const next = () => (--left > 0 ? requestAnimationFrame(next) : done());
        requestAnimationFrame(next);
      }),
    count,
  );
}
