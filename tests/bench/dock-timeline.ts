import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { openDatabase } from '../../src-main/db/connection';
import { launchChromium, nextFrames } from './chromium';
import { freePort, startServeProcess, stopChild } from './serveProcess';
import { type BenchFigure, percentile } from './table';

// Issue 5's figures, in Chromium through Playwright against the built server: a plant with 60
// dock doors and about 5,000 slots over 7 days (a real site, not the demo, so no simulator moves
// anything), the dock timeline's week range. First render (navigation → bars painted, and a range
// switch → bars painted, both from the user-timing entries the view sets), DOM size of the
// timeline with the visible bars beside it, and frame times while scrolling the week.

const DOORS = 60;
/** One slot every two hours per door, staggered by door: 84 a door over 7 days, 5,040 in all. */
const SLOT_EVERY_MS = 2 * 3_600_000;
const SLOT_MS = 30 * 60_000;
const DAYS = 7;
const VIEWPORT = { width: 1440, height: 900 };
const TIME_ZONE = 'Europe/Berlin';
/** Must match DockTimelineView.tsx. */
const PAINTED_MARK = 'leitstand:docks-painted';
const RENDER_MEASURE = 'leitstand:docks-render';
const MOUNT_MARK = 'leitstand:docks-mounted';
const RANGE_STORAGE_KEY = 'leitstand.docks.range';
const SWITCHES = 5;
const SCROLL_FRAMES = 150;

/** Plant-local midnight of the day before `now` (the week range starts there). */
function yesterdayStart(now: number): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now - 86_400_000);
  const [y, m, d] = parts.split('-').map(Number) as [number, number, number];
  // Europe/Berlin is UTC+1 or +2: try both and keep the one that is local midnight.
  for (const offset of [1, 2]) {
    const candidate = Date.UTC(y, m - 1, d, -offset);
    const hour = new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(candidate);
    if (hour === '00') return candidate;
  }
  return Date.UTC(y, m - 1, d);
}

/** The bench plant, written straight into a migrated database: site, suppliers, doors, slots. */
async function buildPlant(path: string, now: number): Promise<number> {
  const database = await openDatabase({ path });
  const { sqlite } = database;
  const start = yesterdayStart(now);
  const insert = sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO site (id, name, city, lat, lon, geofence_radius_m, time_zone, is_demo, demo_seed, created_at)
         VALUES ('bench', 'Bench plant', 'Gaimersheim', 48.8, 11.37, 400, ?, 0, NULL, ?)`,
      )
      .run(TIME_ZONE, now);
    const partner = sqlite.prepare(
      `INSERT INTO partner (id, name, role, city, country_code, lat, lon, created_at)
       VALUES (?, ?, 'supplier', 'Ingolstadt', 'DE', 48.76, 11.42, ?)`,
    );
    for (let i = 0; i < 20; i += 1) partner.run(`sup-${i}`, `Supplier ${i + 1} GmbH`, now);
    const door = sqlite.prepare(
      `INSERT INTO dock_door (id, name, capabilities, opening_hours, unload_minutes, sort_order)
       VALUES (?, ?, ?, ?, 20, ?)`,
    );
    const capabilitiesOf = (i: number) =>
      i % 6 === 1 ? ['cooled'] : i % 6 === 3 ? ['side_loading'] : i % 12 === 5 ? ['hazardous'] : [];
    for (let i = 0; i < DOORS; i += 1) {
      // Every fourth door keeps office hours, so closed hours are shaded too.
      const hours =
        i % 4 === 3
          ? [{ days: [1, 2, 3, 4, 5], open: '05:00', close: '22:00' }]
          : [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' }];
      door.run(`door-${i}`, `Tor ${i + 1}`, JSON.stringify(capabilitiesOf(i)), JSON.stringify(hours), i);
    }
    const delivery = sqlite.prepare(
      `INSERT INTO inbound_delivery (id, notice_number, supplier_id, truck_plate, origin_name, origin_lat,
         origin_lon, door_id, slot_start, slot_end, status, eta, eta_source, gate_in_at, unloading_started_at,
         unloaded_at, gate_out_at, required_capabilities, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'Ingolstadt', 48.76, 11.42, ?, ?, ?, ?, ?, 'plan', ?, ?, ?, ?, ?, ?, ?)`,
    );
    let count = 0;
    for (let i = 0; i < DOORS; i += 1) {
      const offset = (i % 4) * SLOT_MS;
      for (let at = start + offset; at < start + DAYS * 86_400_000; at += SLOT_EVERY_MS) {
        const id = `bd-${i}-${count}`;
        const past = at + SLOT_MS < now;
        const late = count % 9 === 0 && !past ? 45 * 60_000 : -10 * 60_000;
        delivery.run(
          id,
          `BENCH-${count}`,
          `sup-${count % 20}`,
          `B-DT ${1000 + (count % 9000)}`,
          `door-${i}`,
          at,
          at + SLOT_MS,
          past ? 'departed' : at < now + 6 * 3_600_000 ? 'in_transit' : 'announced',
          at + late,
          past ? at - 5 * 60_000 : null,
          past ? at + 5 * 60_000 : null,
          past ? at + 25 * 60_000 : null,
          past ? at + 35 * 60_000 : null,
          JSON.stringify(capabilitiesOf(i)),
          now,
          now,
        );
        count += 1;
      }
    }
    return count;
  });
  const slots = insert();
  await database.close();
  return slots;
}

async function startServe(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const { child } = await startServeProcess({
    bench: 'docks',
    args: ['--db', dbPath, '--speed', '1', '--empty'],
    port,
  });
  return { url: `http://127.0.0.1:${port}/`, child };
}

interface DomCount {
  nodes: number;
  domBars: number;
  visibleBars: number;
}

/** DOM nodes under the timeline, bars in the DOM, and bars that intersect the visible tracks. */
function countDom(page: Page): Promise<DomCount> {
  return page.evaluate(() => {
    const timeline = document.querySelector('[data-testid="dock-timeline"]');
    const scroller = document.querySelector<HTMLElement>('[data-testid="dock-scroll"]');
    if (!timeline || !scroller) throw new Error('no dock timeline');
    const box = scroller.getBoundingClientRect();
    const door = scroller.querySelector('.dock-row__door')?.getBoundingClientRect().width ?? 0;
    const axis = scroller.querySelector('.dock-axis')?.getBoundingClientRect().height ?? 0;
    const view = {
      left: box.left + scroller.clientLeft + door,
      right: box.left + scroller.clientLeft + scroller.clientWidth,
      top: box.top + scroller.clientTop + axis,
      bottom: box.top + scroller.clientTop + scroller.clientHeight,
    };
    const bars = [...scroller.querySelectorAll('[data-testid="slot-bar"]')];
    const visible = bars.filter((bar) => {
      const r = bar.getBoundingClientRect();
      return r.right > view.left && r.left < view.right && r.bottom > view.top && r.top < view.bottom;
    });
    return {
      nodes: timeline.querySelectorAll('*').length,
      domBars: bars.length,
      visibleBars: visible.length,
    };
  });
}

/** Scrolls the week by `dx`, `dy` px per frame for `frames` frames; returns the frame intervals. */
function scrollFrames(page: Page, dx: number, dy: number, frames: number): Promise<number[]> {
  return page.evaluate(
    ({ dx, dy, frames }) =>
      new Promise<number[]>((done) => {
        const scroller = document.querySelector<HTMLElement>('[data-testid="dock-scroll"]');
        if (!scroller) throw new Error('no dock timeline');
        const stamps: number[] = [];
        const tick = (at: number) => {
          stamps.push(at);
          if (stamps.length > frames) {
            done(stamps.slice(1).map((stamp, i) => stamp - stamps[i]!));
            return;
          }
          scroller.scrollLeft += dx;
          scroller.scrollTop += dy;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { dx, dy, frames },
  );
}

const paintedCount = (page: Page) =>
  page.evaluate((name) => performance.getEntriesByName(name, 'mark').length, PAINTED_MARK);

export async function dockTimelineBench(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'leitstand-bench-docks-'));
  let serve: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    const dbPath = join(dir, 'docks.db');
    const slots = await buildPlant(dbPath, Date.now());
    const started = await startServe(dbPath);
    serve = started.child;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'de-DE', timezoneId: TIME_ZONE });
    await context.addInitScript((key) => {
      localStorage.setItem(key, 'week');
      // Every request of the run stays readable (the default buffer holds 250).
      performance.setResourceTimingBufferSize(100_000);
    }, RANGE_STORAGE_KEY);
    const page = await context.newPage();

    // Cold: navigation → the week's bars painted.
    await page.goto(`${started.url}#/docks`, { timeout: 30_000 });
    await page.waitForFunction(
      (name) => performance.getEntriesByName(name, 'mark').length > 0,
      PAINTED_MARK,
      {
        timeout: 30_000,
      },
    );
    const firstPaint = await page.evaluate(
      (name) => performance.getEntriesByName(name, 'mark')[0]!.startTime,
      PAINTED_MARK,
    );
    const cold = await page.evaluate(
      ({ painted, mounted }) => {
        const request = performance
          .getEntriesByType('resource')
          .find((entry) => entry.name.endsWith('/api/call/docks.timeline'));
        return {
          mounted: performance.getEntriesByName(mounted, 'mark')[0]?.startTime ?? Number.NaN,
          painted: performance.getEntriesByName(painted, 'mark')[0]?.startTime ?? Number.NaN,
          request: request?.duration ?? Number.NaN,
        };
      },
      { painted: PAINTED_MARK, mounted: MOUNT_MARK },
    );
    const loaded = Number(await page.getByTestId('dock-timeline').getAttribute('data-slot-count'));
    await nextFrames(page, 5);

    // Warm: shift → week, each time from the click to the painted bars (query included).
    const switches: number[] = [];
    const switchRequests: number[] = [];
    for (let i = 0; i < SWITCHES; i += 1) {
      for (const mode of ['shift', 'week'] as const) {
        const before = await paintedCount(page);
        await page.getByTestId(`range-${mode}`).click();
        await page.waitForFunction(
          ({ name, count }) => performance.getEntriesByName(name, 'mark').length > count,
          { name: PAINTED_MARK, count: before },
          { timeout: 30_000 },
        );
      }
      const last = await page.evaluate((name) => {
        const requests = performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.endsWith('/api/call/docks.timeline'));
        return {
          render: performance.getEntriesByName(name, 'measure').at(-1)!.duration,
          request: requests.at(-1)?.duration ?? Number.NaN,
        };
      }, RENDER_MEASURE);
      switches.push(last.render);
      switchRequests.push(last.request);
      await nextFrames(page, 3);
    }

    // DOM against visible bars, at the first view and after scrolling to the middle of the week.
    const counts: DomCount[] = [await countDom(page)];
    await page.getByTestId('dock-scroll').evaluate((element) => {
      element.scrollLeft = element.scrollWidth / 2;
      element.scrollTop = element.scrollHeight / 2;
    });
    await nextFrames(page, 4);
    counts.push(await countDom(page));
    const worst = counts.reduce((a, b) => (b.domBars / b.visibleBars > a.domBars / a.visibleBars ? b : a));

    // Scrolling: sideways through the week, then down through the doors.
    await page.mouse.move(1, 1);
    const frames = [
      ...(await scrollFrames(page, 24, 0, SCROLL_FRAMES)),
      ...(await scrollFrames(page, 0, 8, SCROLL_FRAMES / 3)),
      ...(await scrollFrames(page, -24, -4, SCROLL_FRAMES)),
    ].sort((a, b) => a - b);
    await context.close();

    const area = 'dock timeline';
    const what = `${DOORS} doors × ${DAYS} days, ${loaded} of ${slots} slots`;
    return [
      {
        area,
        name: `week first render: navigation → bars painted (${what})`,
        value: firstPaint,
        unit: 'ms',
        target: { value: 1000, direction: 'lower' },
      },
      {
        area,
        name: 'of which: app start before the view mounts (bundle, plant.overview)',
        value: cold.mounted,
        unit: 'ms',
      },
      {
        area,
        name: 'week first render: view mounted → bars painted (cold server)',
        value: cold.painted - cold.mounted,
        unit: 'ms',
        target: { value: 1000, direction: 'lower' },
      },
      {
        area,
        name: 'of which: the first docks.timeline request (cold server)',
        value: cold.request,
        unit: 'ms',
      },
      {
        area,
        name: `week render after a range switch: click → bars painted, median of ${SWITCHES}`,
        value: percentile(
          [...switches].sort((a, b) => a - b),
          50,
        ),
        unit: 'ms',
        target: { value: 1000, direction: 'lower' },
      },
      {
        area,
        name: 'of which: the docks.timeline request, median',
        value: percentile(
          [...switchRequests].sort((a, b) => a - b),
          50,
        ),
        unit: 'ms',
      },
      {
        area,
        name: `DOM nodes in the timeline (${VIEWPORT.width}×${VIEWPORT.height})`,
        value: worst.nodes,
        unit: 'nodes',
      },
      { area, name: 'bars in the DOM', value: worst.domBars, unit: 'bars' },
      { area, name: 'bars visible in the viewport', value: worst.visibleBars, unit: 'bars' },
      {
        area,
        name: 'DOM bars ÷ visible bars (worst of first view and mid-week)',
        value: worst.domBars / Math.max(1, worst.visibleBars),
        unit: '×',
        target: { value: 2, direction: 'lower' },
      },
      {
        area,
        name: `frame interval while scrolling the week, median (${frames.length} frames)`,
        value: percentile(frames, 50),
        unit: 'ms',
        target: { value: 20, direction: 'lower' },
      },
      {
        area,
        name: 'frame interval while scrolling the week, p95',
        value: percentile(frames, 95),
        unit: 'ms',
        target: { value: 50, direction: 'lower' },
      },
    ];
  } finally {
    await browser?.close();
    if (serve) await stopChild(serve);
    rmSync(dir, { recursive: true, force: true });
  }
}
