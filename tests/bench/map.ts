import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { ProcedureOutput } from '../../src-main/api/contract';
import { mulberry32 } from '../../src-main/domain/seededRandom';
import { launchChromium, nextFrames } from './chromium';
import { freePort, startServeProcess, stopChild } from './serveProcess';
import { type BenchFigure, percentile } from './table';

// Issue 4's figures, in Chromium through Playwright: 2,000 trucks updated at 1 Hz on the map view
// (script time per update batch, read from the canvas layer's own user-timing entries), frame
// times while panning, and the wall view's first paint. The same update and panning figures are
// measured for the plain DOM-marker approach (one L.marker with a divIcon per truck) on a page the
// bench serves itself, and printed as the baseline of the canvas figures.

const TRUCKS = 2000;
/** Update batches to collect, at 1 Hz. */
const BATCHES = 32;
const VIEWPORT = { width: 1440, height: 900 };
/** Must match TRUCKS_UPDATE_MEASURE in TruckCanvasLayer.ts. */
const UPDATE_MEASURE = 'leitstand:trucks-update';
/** The map's first view (initialBounds.ts); the baseline page fits the same bounds. */
const CENTRAL_EUROPE: [[number, number], [number, number]] = [
  [45.0, 4.5],
  [53.8, 21.5],
];

type LiveTrucks = ProcedureOutput<'trucks.live'>;
type LiveTruck = LiveTrucks['trucks'][number];

// ---------------------------------------------------------------------------------------------
// Synthetic fleet

const CLASSES = ['on_time', 'at_risk', 'late', 'at_plant'] as const;
const PLANT_STATUSES = ['at_gate', 'at_door', 'unloading'] as const;

interface Mover {
  lat: number;
  lon: number;
  heading: number;
  /** Degrees of latitude per call: exaggerated, so every batch visibly moves every truck. */
  step: number;
}

/**
 * 2,000 trucks in the shape of trucks.live, spread over Central Europe around the map's first
 * view, each driving on its heading; every call advances all of them. Rows are built from a real
 * row of the served demo, so every field the view reads is present with its real type.
 */
class SyntheticFleet {
  private readonly movers: Mover[] = [];
  private readonly rows: LiveTruck[] = [];
  private calls = 0;

  constructor(template: LiveTruck, count: number) {
    // Deterministic, so the canvas run and the DOM baseline see the same trucks on the same calls.
    const random = mulberry32(4711);
    const now = Date.now();
    for (let i = 0; i < count; i += 1) {
      const cls = CLASSES[i % CLASSES.length]!;
      const atPlant = cls === 'at_plant';
      const mover: Mover = {
        lat: 46.8 + random() * 5.2,
        lon: 7.0 + random() * 12.0,
        heading: random() * 360,
        step: 0.002 + random() * 0.004,
      };
      this.movers.push(mover);
      const slotStart = now + Math.round((random() * 6 - 1) * 3_600_000);
      const minutesLate = cls === 'late' ? 10 + Math.floor(random() * 90) : cls === 'at_risk' ? 0 : null;
      this.rows.push({
        ...template,
        id: `bench-${String(i).padStart(4, '0')}`,
        truckPlate: `B-LT ${1000 + i}`,
        noticeNumber: `BENCH-${i}`,
        status: atPlant ? PLANT_STATUSES[i % PLANT_STATUSES.length]! : 'in_transit',
        slotStart,
        slotEnd: slotStart + 1_800_000,
        eta: slotStart + (minutesLate ?? -15) * 60_000,
        gateInAt: atPlant ? now - 600_000 : null,
        // Every 50th truck has not reported a heading yet: drawn as a dot.
        lastHeading: i % 50 === 49 ? null : Math.round(mover.heading),
        lastSpeedKmh: atPlant ? 0 : 60 + Math.round(random() * 25),
        lat: mover.lat,
        lon: mover.lon,
        lastLat: mover.lat,
        lastLon: mover.lon,
        lastPositionAt: now,
        punctuality: { class: cls, minutesLate },
        critical: i % 37 === 0,
      });
    }
  }

  /** The next answer: every truck a step further, turning slightly. */
  next(): LiveTrucks {
    this.calls += 1;
    const now = Date.now();
    const trucks = this.rows.map((row, i) => {
      const mover = this.movers[i]!;
      if (row.punctuality.class !== 'at_plant') {
        mover.heading = (mover.heading + (i % 2 === 0 ? 3 : -3) + 360) % 360;
        const radians = (mover.heading * Math.PI) / 180;
        mover.lat += Math.cos(radians) * mover.step;
        mover.lon += (Math.sin(radians) * mover.step) / Math.cos((mover.lat * Math.PI) / 180);
      }
      return {
        ...row,
        lat: mover.lat,
        lon: mover.lon,
        lastLat: mover.lat,
        lastLon: mover.lon,
        lastHeading: row.lastHeading === null ? null : Math.round(mover.heading),
        lastPositionAt: now,
      };
    });
    return { at: now, trucks };
  }

  get callCount(): number {
    return this.calls;
  }
}

// ---------------------------------------------------------------------------------------------
// Page-side recorders

/** Installed before any page script: collects update measures and rAF frame timestamps. */
function installRecorders(measureName: string) {
  const w = window as unknown as {
    __benchUpdates: { start: number; duration: number }[];
    __benchFrames: number[] | null;
    __benchStartFrames: () => void;
    __benchStopFrames: () => number[];
  };
  w.__benchUpdates = [];
  w.__benchFrames = null;
  // The layer clears its entries now and then; an observer sees every one.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntriesByName(measureName)) {
      w.__benchUpdates.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'measure', buffered: true });
  const tick = (at: number) => {
    if (!w.__benchFrames) return;
    w.__benchFrames.push(at);
    requestAnimationFrame(tick);
  };
  w.__benchStartFrames = () => {
    w.__benchFrames = [];
    requestAnimationFrame(tick);
  };
  w.__benchStopFrames = () => {
    const frames = w.__benchFrames ?? [];
    w.__benchFrames = null;
    return frames;
  };
}

interface Stats {
  median: number;
  p95: number;
  count: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), count: sorted.length };
}

/** Warm-up batches (discarded) before measuring, so the JIT has seen the update path. */
const WARM_UP_BATCHES = 2;

/** Collects `count` update durations from the page, taken after `since` (page clock). */
async function collectUpdates(page: Page, count: number): Promise<number[]> {
  await page.evaluate(() => {
    (window as unknown as { __benchUpdates: unknown[] }).__benchUpdates.length = 0;
  });
  await page.waitForFunction(
    (n) => (window as unknown as { __benchUpdates: unknown[] }).__benchUpdates.length >= n,
    count,
    { timeout: (count + 30) * 1000 },
  );
  const updates = await page.evaluate(
    () => (window as unknown as { __benchUpdates: { start: number; duration: number }[] }).__benchUpdates,
  );
  const spanS = (updates[updates.length - 1]!.start - updates[0]!.start) / 1000;
  console.error(
    `[bench] map: ${updates.length} update batches over ${spanS.toFixed(1)} s (${(
      (updates.length - 1) / spanS
    ).toFixed(2)} Hz)`,
  );
  return updates.map((u) => u.duration);
}

/** How long one drag lasts; the pointer moves as fast as the page takes input, on a time line. */
const DRAG_MS = 2000;

/** Drags the map there and back (~2 s each way) while rAF timestamps are recorded. */
async function panFrames(page: Page, selector: string): Promise<number[]> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`bench map: no ${selector} to pan`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.evaluate(() => (window as unknown as { __benchStartFrames: () => void }).__benchStartFrames());
  for (const [dx, dy] of [
    [-360, -200],
    [360, 200],
  ] as const) {
    const fromX = cx - dx / 2;
    const fromY = cy - dy / 2;
    await page.mouse.move(fromX, fromY);
    await page.mouse.down();
    const started = Date.now();
    for (;;) {
      const share = Math.min(1, (Date.now() - started) / DRAG_MS);
      await page.mouse.move(fromX + dx * share, fromY + dy * share);
      if (share === 1) break;
      await nextFrames(page, 1);
    }
    await page.mouse.up();
    // Let the pan's inertia settle: about 20 frames.
    await nextFrames(page, 20);
  }
  const frames = await page.evaluate(() =>
    (window as unknown as { __benchStopFrames: () => number[] }).__benchStopFrames(),
  );
  // Move the pointer off the map, so no hover redraws disturb what follows.
  await page.mouse.move(1, 1);
  return frames.slice(1).map((at, i) => at - frames[i]!);
}

// ---------------------------------------------------------------------------------------------
// The served app

async function startServe(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  // The simulator reports each truck's position once a plant minute, so at speed 1 a
  // positions.moved event (and with it a refetch of trucks.live) comes only every few seconds. At
  // speed 60 every one-second tick moves trucks: the page refetches once a second (its minimum).
  const { child } = await startServeProcess({ bench: 'map', args: ['--db', dbPath, '--speed', '60'], port });
  return { url: `http://127.0.0.1:${port}/`, child };
}

async function liveTemplate(url: string): Promise<LiveTruck> {
  // The demo plant has trucks on the road from the moment it is loaded.
  const response = await fetch(`${url}api/call/trucks.live`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  const body = (await response.json()) as { ok: boolean; value?: LiveTrucks };
  const first = body.ok ? body.value?.trucks[0] : undefined;
  if (!first) throw new Error('bench map: the demo plant has no truck on the road');
  return first;
}

async function wallFigures(browser: Browser, url: string): Promise<BenchFigure[]> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'de-DE' });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __benchArrivalsAt: number | null };
      w.__benchArrivalsAt = null;
      const check = () => {
        if (w.__benchArrivalsAt !== null) return;
        const element = document.querySelector('[data-testid="wall-arrivals"]');
        if (element && element.getBoundingClientRect().height > 0) w.__benchArrivalsAt = performance.now();
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${url}#/wall`, { timeout: 30_000 });
    await page.getByTestId('wall-arrivals').waitFor({ state: 'visible', timeout: 30_000 });
    const { fcp, arrivals } = await page.evaluate(() => ({
      fcp:
        performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint')
          ?.startTime ?? null,
      arrivals: (window as unknown as { __benchArrivalsAt: number | null }).__benchArrivalsAt,
    }));
    if (fcp === null) throw new Error('bench map: the wall reported no first-contentful-paint');
    return [
      {
        area: 'wall',
        name: 'wall view first contentful paint (1920×1080, cold page)',
        value: fcp,
        unit: 'ms',
        target: { value: 1000, direction: 'lower' },
      },
      {
        area: 'wall',
        name: 'wall view: navigation → arrivals list visible',
        value: arrivals ?? Number.NaN,
        unit: 'ms',
      },
    ];
  } finally {
    await context.close();
  }
}

interface RunFigures {
  markers: number;
  updates: Stats;
  frames: Stats;
}

async function canvasRun(
  context: BrowserContext,
  url: string,
  fleet: SyntheticFleet,
): Promise<RunFigures & { mapSize: { width: number; height: number }; zoomClicks: number }> {
  const page = await context.newPage();
  await page.addInitScript(installRecorders, UPDATE_MEASURE);
  await page.route('**/api/call/trucks.live', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: true, value: fleet.next() }),
    }),
  );
  await page.goto(`${url}#/map`, { timeout: 30_000 });
  const map = page.getByTestId('map-view');
  await page.waitForFunction(
    (count) => document.querySelector('[data-testid="map-view"]')?.getAttribute('data-truck-count') === count,
    String(TRUCKS),
    { timeout: 30_000 },
  );
  // Zoom in (around the centre of the first view, where the fleet is) until clustering is off.
  let zoomClicks = 0;
  while ((await map.getAttribute('data-cluster-count')) !== '0') {
    if (zoomClicks >= 6) throw new Error('bench map: clustering still on after 6 zoom steps');
    await page.locator('.leaflet-control-zoom-in').click();
    zoomClicks += 1;
    // Leaflet starts the zoom animation on the next frames; then wait for it to end.
    await nextFrames(page, 3);
    await page.locator('.base-map .leaflet-zoom-anim').waitFor({ state: 'detached', timeout: 5000 });
  }
  await page.mouse.move(1, 1);
  await collectUpdates(page, WARM_UP_BATCHES);
  const markers = Number(await map.getAttribute('data-truck-count'));
  const updates = stats(await collectUpdates(page, BATCHES));
  const frames = stats(await panFrames(page, '.base-map'));
  const box = (await page.locator('.base-map').boundingBox())!;
  await page.close();
  return {
    markers,
    updates,
    frames,
    mapSize: { width: Math.round(box.width), height: Math.round(box.height) },
    zoomClicks,
  };
}

// ---------------------------------------------------------------------------------------------
// The DOM-marker baseline

function leafletDist(): string {
  return resolve(process.cwd(), 'node_modules/leaflet/dist');
}

const BASELINE_HTML = (size: { width: number; height: number }, zoomClicks: number) => `<!doctype html>
<html><head><meta charset="utf-8"><title>DOM-marker baseline</title>
<link rel="stylesheet" href="/leaflet/leaflet.css">
<style>
  html, body { margin: 0; }
  #map { width: ${size.width}px; height: ${size.height}px; background: #dfe7ee; }
  .truck-dom { background: none; border: none; }
  .truck-dom__arrow { width: 14px; height: 18px; clip-path: polygon(50% 0, 100% 100%, 50% 72%, 0 100%); }
  .truck-dom__arrow.dot { width: 12px; height: 12px; border-radius: 50%; clip-path: none; }
  .c-on_time { background: #16a34a; } .c-at_risk { background: #f59e0b; }
  .c-late { background: #dc2626; } .c-at_plant { background: #2563eb; }
</style>
<script src="/leaflet/leaflet.js"></script>
</head><body><div id="map"></div>
<script>
  const map = L.map('map', { zoomSnap: 0.25, minZoom: 3, maxZoom: 16 });
  map.fitBounds(${JSON.stringify(CENTRAL_EUROPE)}, { padding: [16, 16], animate: false });
  for (let i = 0; i < ${zoomClicks}; i += 1) map.setZoom(map.getZoom() + 1, { animate: false });
  L.rectangle(${JSON.stringify(CENTRAL_EUROPE)}, { color: '#888', weight: 1, fill: false }).addTo(map);
  const markers = new Map();
  window.__benchReady = false;
  window.__benchCount = 0;
  function apply(trucks) {
    const start = performance.now();
    const seen = new Set();
    for (const truck of trucks) {
      seen.add(truck.id);
      const heading = truck.lastHeading;
      const cls = 'truck-dom__arrow c-' + truck.punctuality.class + (heading === null ? ' dot' : '');
      let entry = markers.get(truck.id);
      if (!entry) {
        const icon = L.divIcon({ className: 'truck-dom', html: '<div></div>', iconSize: [18, 18] });
        const marker = L.marker([truck.lat, truck.lon], { icon, keyboard: false }).addTo(map);
        entry = { marker, arrow: marker.getElement().firstChild, cls: '' };
        markers.set(truck.id, entry);
      } else {
        entry.marker.setLatLng([truck.lat, truck.lon]);
      }
      if (entry.cls !== cls) { entry.arrow.className = cls; entry.cls = cls; }
      entry.arrow.style.transform = heading === null ? '' : 'rotate(' + heading + 'deg)';
    }
    for (const [id, entry] of markers) {
      if (!seen.has(id)) { entry.marker.remove(); markers.delete(id); }
    }
    performance.measure('${UPDATE_MEASURE}', { start, end: performance.now() });
    window.__benchCount = markers.size;
  }
  async function update() {
    const response = await fetch('/trucks');
    const body = await response.json();
    apply(body.value.trucks);
  }
  update().then(() => {
    window.__benchReady = true;
    setInterval(update, 1000);
  });
</script></body></html>`;

async function startBaselineServer(
  fleet: SyntheticFleet,
  size: { width: number; height: number },
  zoomClicks: number,
): Promise<{ server: Server; url: string }> {
  const dist = leafletDist();
  const files: Record<string, [string, string]> = {
    '/leaflet/leaflet.js': [readFileSync(join(dist, 'leaflet.js'), 'utf8'), 'text/javascript'],
    '/leaflet/leaflet.css': [readFileSync(join(dist, 'leaflet.css'), 'utf8'), 'text/css'],
  };
  const html = BASELINE_HTML(size, zoomClicks);
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    if (path === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    } else if (path === '/trucks') {
      response
        .writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
        .end(JSON.stringify({ ok: true, value: fleet.next() }));
    } else if (files[path]) {
      const [body, type] = files[path]!;
      response.writeHead(200, { 'Content-Type': type }).end(body);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ready());
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

async function domRun(context: BrowserContext, url: string): Promise<RunFigures> {
  const page = await context.newPage();
  await page.addInitScript(installRecorders, UPDATE_MEASURE);
  await page.goto(url, { timeout: 30_000 });
  await page.waitForFunction(() => (window as unknown as { __benchReady: boolean }).__benchReady, null, {
    timeout: 30_000,
  });
  const markers = await page.evaluate(() => (window as unknown as { __benchCount: number }).__benchCount);
  await collectUpdates(page, WARM_UP_BATCHES);
  const updates = stats(await collectUpdates(page, BATCHES));
  const frames = stats(await panFrames(page, '#map'));
  await page.close();
  return { markers, updates, frames };
}

// ---------------------------------------------------------------------------------------------

export async function mapBench(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'leitstand-bench-map-'));
  let serve: ChildProcess | null = null;
  let browser: Browser | null = null;
  let baseline: Server | null = null;
  try {
    const started = await startServe(join(dir, 'map.db'));
    serve = started.child;
    const template = await liveTemplate(started.url);
    browser = await launchChromium();

    // The wall first, on a fresh context and an idle page cache.
    const wall = await wallFigures(browser, started.url);

    const canvasContext = await browser.newContext({ viewport: VIEWPORT, locale: 'de-DE' });
    const canvas = await canvasRun(canvasContext, started.url, new SyntheticFleet(template, TRUCKS));
    await canvasContext.close();
    await stopChild(serve);
    serve = null;

    const base = await startBaselineServer(
      new SyntheticFleet(template, TRUCKS),
      canvas.mapSize,
      canvas.zoomClicks,
    );
    baseline = base.server;
    const domContext = await browser.newContext({ viewport: VIEWPORT, locale: 'de-DE' });
    const dom = await domRun(domContext, base.url);
    await domContext.close();

    const domName = (what: string) => `DOM markers ${what}`;
    const batches = `${canvas.markers} markers, ${canvas.updates.count} batches at 1 Hz`;
    return [
      {
        area: 'map',
        name: 'trucks drawn on the canvas (data-truck-count, no clustering)',
        value: canvas.markers,
        unit: 'markers',
      },
      {
        area: 'map',
        name: `script time per update batch, median (${batches})`,
        value: canvas.updates.median,
        unit: 'ms',
        target: { value: 4, direction: 'lower' },
        baseline: { name: domName('median'), value: dom.updates.median },
      },
      {
        area: 'map',
        name: `script time per update batch, p95 (${batches})`,
        value: canvas.updates.p95,
        unit: 'ms',
        target: { value: 10, direction: 'lower' },
        baseline: { name: domName('p95'), value: dom.updates.p95 },
      },
      {
        area: 'map',
        name: `frame interval while panning, median (${canvas.frames.count} frames)`,
        value: canvas.frames.median,
        unit: 'ms',
        baseline: { name: domName('median'), value: dom.frames.median },
      },
      {
        area: 'map',
        name: `frame interval while panning, p95 (${canvas.frames.count} frames)`,
        value: canvas.frames.p95,
        unit: 'ms',
        baseline: { name: domName('p95'), value: dom.frames.p95 },
      },
      {
        area: 'map baseline',
        name: `DOM markers (L.marker + divIcon): script time per update batch, median (${dom.markers} markers, ${dom.updates.count} batches)`,
        value: dom.updates.median,
        unit: 'ms',
      },
      {
        area: 'map baseline',
        name: 'DOM markers: script time per update batch, p95',
        value: dom.updates.p95,
        unit: 'ms',
      },
      {
        area: 'map baseline',
        name: `DOM markers: frame interval while panning, median (${dom.frames.count} frames)`,
        value: dom.frames.median,
        unit: 'ms',
      },
      {
        area: 'map baseline',
        name: 'DOM markers: frame interval while panning, p95',
        value: dom.frames.p95,
        unit: 'ms',
      },
      ...wall,
    ];
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    if (baseline) baseline.close();
    if (serve) await stopChild(serve);
    rmSync(dir, { recursive: true, force: true });
  }
}
