import { expect, type Locator, type Page, test } from '@playwright/test';
import type { ProcedureOutput } from '../../src-main/api/contract';
import { api } from './apiCall';
import { ownPlantUrl } from './ports';

// Issue 5 in the browser, on a fresh demo plant at speed 1: slots dragged and moved by keyboard
// are saved, a conflicting move is refused with the server's reason, and the truck that ends a
// predicted stoppage goes through gate and door, which books its goods into stock and removes the
// stoppage.

type Timeline = ProcedureOutput<'docks.timeline'>;
type Slot = Timeline['slots'][number];
const MINUTE = 60_000;

// Moving slots and unloading the staged truck change the plant (the truck's goods end the demo's
// predicted stoppage for good) that the Lines spec re-sequences around, so these tests run on the
// second server's plant of their own.
test.use({ baseURL: ownPlantUrl });

/** Today's timeline as the view asks for it (plant-local day of the Berlin demo plant). */
async function today(page: Page): Promise<Timeline> {
  const { from, to } = await page.evaluate(() => {
    const now = new Date();
    const start = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
    return { from: start, to: start + 24 * 3_600_000 };
  });
  return api(page, 'docks.timeline', { from, to });
}

const ALWAYS_OPEN = (door: Timeline['doors'][number]) =>
  door.openingHours.some(
    (window) => window.open === '00:00' && window.close === '24:00' && window.days.length >= 7,
  );

function isFree(timeline: Timeline, doorId: string, start: number, end: number, except: string) {
  return !timeline.slots.some(
    (slot) => slot.id !== except && slot.doorId === doorId && slot.slotStart < end && slot.slotEnd > start,
  );
}

/** An announced delivery later today that the simulator leaves alone, with a free place to go. */
function pickMove(timeline: Timeline, sameDoor: boolean, taken: string[] = []) {
  const grid = timeline.gridMinutes * MINUTE;
  const dayEnd = Math.max(...timeline.slots.map((slot) => slot.slotEnd));
  const doors = timeline.doors.filter(ALWAYS_OPEN);
  for (const slot of timeline.slots) {
    if (slot.status !== 'announced' || !slot.movable || slot.feedsStoppage || taken.includes(slot.id))
      continue;
    if (slot.requiredCapabilities.length > 0 || slot.slotStart < timeline.now + 90 * MINUTE) continue;
    if (slot.slotEnd + 3 * grid > dayEnd) continue;
    const door = timeline.doors.find((candidate) => candidate.id === slot.doorId);
    if (!door || !ALWAYS_OPEN(door)) continue;
    const duration = slot.slotEnd - slot.slotStart;
    const index = timeline.doors.indexOf(door);
    const targets = sameDoor
      ? [1, 2, 3].map((steps) => ({ door, steps, rows: 0 }))
      : doors
          .filter((other) => other.id !== door.id && Math.abs(timeline.doors.indexOf(other) - index) <= 3)
          .flatMap((other) =>
            [0, 1, -1].map((steps) => ({ door: other, steps, rows: timeline.doors.indexOf(other) - index })),
          );
    for (const target of targets) {
      const start = slot.slotStart + target.steps * grid;
      if (isFree(timeline, target.door.id, start, start + duration, slot.id))
        return { slot, doorId: target.door.id, slotStart: start, steps: target.steps, rows: target.rows };
    }
  }
  throw new Error('no announced delivery later today with a free place nearby');
}

async function openToday(page: Page, deliveryId?: string) {
  await page.goto(deliveryId ? `/#/docks/${deliveryId}` : '/#/docks');
  await page.getByTestId('range-today').click();
  await expect(page.getByTestId('dock-timeline')).toHaveAttribute('data-range', 'today');
  await expect(page.getByTestId('slot-bar').first()).toBeVisible({ timeout: 15_000 });
}

/** The bar of a delivery, scrolled into the virtual window first (it may not be in the DOM yet). */
async function barOf(page: Page, slot: Slot): Promise<Locator> {
  const pxPerMinute = Number(await page.getByTestId('dock-timeline').getAttribute('data-px-per-minute'));
  const scroller = page.getByTestId('dock-scroll');
  const rangeFrom = await page.evaluate(() => {
    const now = new Date();
    return new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  });
  await scroller.evaluate(
    (element, x) => {
      element.scrollLeft = Math.max(0, x - element.clientWidth / 3);
    },
    ((slot.slotStart - rangeFrom) / MINUTE) * pxPerMinute,
  );
  const bar = page.locator(`[data-testid="slot-bar"][data-delivery-id="${slot.id}"]`);
  await expect(bar).toBeVisible();
  await bar.scrollIntoViewIfNeeded();
  return bar;
}

async function dragBy(page: Page, bar: Locator, dx: number, dy: number) {
  const box = await bar.boundingBox();
  if (!box) throw new Error('the bar has no box');
  const x = box.x + Math.min(12, box.width / 2);
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i += 1) await page.mouse.move(x + (dx * i) / 8, y + (dy * i) / 8);
}

async function rowOffset(page: Page, fromDoor: string, toDoor: string) {
  const top = async (doorId: string) =>
    (await page.locator(`[data-testid="dock-row"][data-door-id="${doorId}"]`).boundingBox())?.y ?? 0;
  return (await top(toDoor)) - (await top(fromDoor));
}

test('a slot dragged to another door and time is saved and stays there after a reload', async ({ page }) => {
  await openToday(page);
  const timeline = await today(page);
  const move = pickMove(timeline, false);
  const bar = await barOf(page, move.slot);
  const pxPerMinute = Number(await page.getByTestId('dock-timeline').getAttribute('data-px-per-minute'));
  const dx = ((move.slotStart - move.slot.slotStart) / MINUTE) * pxPerMinute;
  await dragBy(page, bar, dx, await rowOffset(page, move.slot.doorId!, move.doorId));
  const ghost = page.getByTestId('slot-ghost');
  await expect(ghost).toHaveAttribute('data-valid', 'true');
  await expect(ghost).toHaveAttribute('data-door-id', move.doorId);
  await expect(ghost).toHaveAttribute('data-slot-start', String(move.slotStart));
  await page.screenshot({ path: 'test-results/screenshots/docks-drag.png' });
  await page.mouse.up();

  await expect(bar).toHaveAttribute('data-door-id', move.doorId);
  await expect(bar).toHaveAttribute('data-slot-start', String(move.slotStart));
  await expect(bar).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByTestId('dock-alert')).toBeEmpty();
  await expect
    .poll(async () => (await today(page)).slots.find((slot) => slot.id === move.slot.id)?.slotStart)
    .toBe(move.slotStart);

  await page.reload();
  const again = await barOf(page, { ...move.slot, slotStart: move.slotStart });
  await expect(again).toHaveAttribute('data-door-id', move.doorId);
  await expect(again).toHaveAttribute('data-slot-start', String(move.slotStart));
});

test('a move onto an occupied slot is refused with its reason and the bar goes back', async ({ page }) => {
  await openToday(page);
  const timeline = await today(page);
  const { slot } = pickMove(timeline, false);
  // Another delivery's window on a neighbouring door: dropping there would overlap it.
  const index = timeline.doors.findIndex((door) => door.id === slot.doorId);
  const occupied = timeline.slots.find(
    (other) =>
      other.id !== slot.id &&
      other.doorId !== slot.doorId &&
      Math.abs(timeline.doors.findIndex((door) => door.id === other.doorId) - index) <= 2 &&
      other.slotStart > timeline.now + 60 * MINUTE &&
      Math.abs(other.slotStart - slot.slotStart) <= 4 * 60 * MINUTE,
  );
  if (!occupied) throw new Error('no occupied slot near the delivery');
  const bar = await barOf(page, slot);
  const pxPerMinute = Number(await page.getByTestId('dock-timeline').getAttribute('data-px-per-minute'));
  await dragBy(
    page,
    bar,
    ((occupied.slotStart - slot.slotStart) / MINUTE) * pxPerMinute,
    await rowOffset(page, slot.doorId!, occupied.doorId!),
  );
  const ghost = page.getByTestId('slot-ghost');
  await expect(ghost).toHaveAttribute('data-valid', 'false');
  await expect(ghost).toHaveAttribute('data-door-id', occupied.doorId!);
  await page.mouse.up();

  const alert = page.getByTestId('dock-alert');
  await expect(alert).toContainText(/.{20,}/);
  await page.screenshot({ path: 'test-results/screenshots/docks-refused.png' });
  await expect(bar).toHaveAttribute('data-door-id', slot.doorId!);
  await expect(bar).toHaveAttribute('data-slot-start', String(slot.slotStart));
  expect((await today(page)).slots.find((other) => other.id === slot.id)?.slotStart).toBe(slot.slotStart);
});

test('a slot moved with the keyboard is saved and announced', async ({ page }) => {
  await openToday(page);
  const timeline = await today(page);
  const move = pickMove(timeline, true);
  const bar = await barOf(page, move.slot);
  await bar.focus();
  await page.keyboard.press('Space');
  const announcer = page.getByTestId('dock-announcer');
  await expect(announcer).not.toBeEmpty();
  for (let i = 0; i < move.steps; i += 1) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('slot-ghost')).toHaveAttribute('data-slot-start', String(move.slotStart));
  await expect(page.getByTestId('slot-ghost')).toHaveAttribute('data-valid', 'true');
  await page.keyboard.press('Enter');
  await expect(bar).toHaveAttribute('data-slot-start', String(move.slotStart));
  await expect(announcer).toContainText(/.+/);
  await expect(bar).toBeFocused();
  await expect
    .poll(async () => (await today(page)).slots.find((slot) => slot.id === move.slot.id)?.slotStart)
    .toBe(move.slotStart);
});

test.describe('the gate workflow', () => {
  test('the truck that ends a predicted stoppage goes through gate and door: stock rises, the stoppage goes', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const overview = await expect
      .poll(
        async () =>
          (await api(page, 'coverage.overview', {})).stoppages.filter((s) => s.endingDelivery).length,
        {
          timeout: 20_000,
        },
      )
      .toBeGreaterThan(0)
      .then(() => api(page, 'coverage.overview', {}));
    const stoppage = overview.stoppages.find((candidate) => candidate.endingDelivery)!;
    const deliveryId = stoppage.endingDelivery!.id;
    const stockOf = async () =>
      (await api(page, 'parts.stock', {})).find((part) => part.id === stoppage.partId)?.onHand ?? 0;
    const before = await stockOf();

    await openToday(page, deliveryId);
    const bar = page.locator(`[data-testid="slot-bar"][data-delivery-id="${deliveryId}"]`);
    await expect(bar).toHaveAttribute('data-stoppage', stoppage.id);
    await bar.hover();
    await expect(page.getByTestId('slot-card-stoppage')).toContainText(stoppage.lineName);
    await page.mouse.move(1, 1);
    const panel = page.getByTestId('booking-selected');
    await expect(panel).toHaveAttribute('data-delivery-id', deliveryId);
    await expect(page.getByTestId('booking-stoppage')).toContainText(stoppage.lineName);
    await page.screenshot({ path: 'test-results/screenshots/docks-stoppage-selected.png' });

    const gate = panel.getByTestId('gate-bar');
    const action = gate.getByTestId('gate-action');
    await expect(gate).toHaveAttribute('data-next-step', 'checkIn');
    await action.click();
    await expect(gate).toHaveAttribute('data-next-step', 'assignDoor');
    const door = gate.locator('[data-testid="door-choice"][data-good="true"]').first();
    await expect(door).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/docks-door-picker.png' });
    await door.click();
    await expect(gate).toHaveAttribute('data-next-step', 'startUnloading');
    await action.click();
    await expect(gate).toHaveAttribute('data-next-step', 'finishUnloading');
    const inputs = gate.getByTestId('received-input');
    await expect(inputs.first()).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/docks-finish-form.png' });
    await action.click();
    await expect(gate).toHaveAttribute('data-next-step', 'checkOut');
    await expect.poll(stockOf).toBeGreaterThan(before);
    await action.click();
    await expect(gate).toHaveAttribute('data-next-step', 'none');
    await expect(gate.getByTestId('gate-dwell')).toBeVisible();
    await expect(gate.locator('[data-step="checkOut"] .gate-steps__time')).not.toHaveText('–');

    // The stoppage is gone from the projection, from the slot's mark and from the lines view.
    await expect
      .poll(
        async () => (await api(page, 'coverage.overview', {})).stoppages.some((s) => s.id === stoppage.id),
        {
          timeout: 20_000,
        },
      )
      .toBe(false);
    await expect(bar).not.toHaveAttribute('data-stoppage', /.*/);
    await page.screenshot({ path: 'test-results/screenshots/docks-checked-out.png' });
    await page.goto('/#/lines');
    await expect(page.getByTestId('lines-view')).toBeVisible();
    await expect(
      page.locator(
        `[data-testid="stoppage-marker"][data-line-id="${stoppage.lineId}"][data-part-id="${stoppage.partId}"]`,
      ),
    ).toHaveCount(0);
  });
});

test('the grid select sets the step slots snap to, for everybody', async ({ page }) => {
  await openToday(page);
  const timeline = page.getByTestId('dock-timeline');
  await expect(timeline).toHaveAttribute('data-grid-minutes', '30');
  await page.getByTestId('grid-select').selectOption('15');
  await expect(timeline).toHaveAttribute('data-grid-minutes', '15');
  expect((await today(page)).gridMinutes).toBe(15);
  await page.getByTestId('grid-select').selectOption('30');
  await expect(timeline).toHaveAttribute('data-grid-minutes', '30');
});

test('the deliveries view offers the same gate action for the open delivery', async ({ page }) => {
  const timeline = await (async () => {
    await page.goto('/');
    return today(page);
  })();
  const announced = timeline.slots.find(
    (slot) => slot.status === 'announced' && slot.slotStart > timeline.now + 2 * 3_600_000,
  );
  if (!announced) throw new Error('no announced delivery later today');
  await page.goto(`/#/deliveries/${announced.id}`);
  const gate = page.getByTestId('delivery-detail').getByTestId('gate-bar');
  await expect(gate).toHaveAttribute('data-next-step', 'checkIn');
  await expect(gate.getByTestId('gate-action')).toBeEnabled();
});
