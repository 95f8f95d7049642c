import { describe, expect, it } from 'vitest';
import { type Instance, InstanceError, parseInstance, parseSchedule } from '../../src-main/domain/reschedule';

// Every rule of the instance and schedule formats: a malformed input is refused with an
// InstanceError whose message names the field path and the rule.

const valid = {
  horizon: 600,
  parts: [
    { id: 'P1', stock: 120 },
    { id: 'P2', stock: 0 },
  ],
  products: [
    { id: 'A', bom: { P1: 2, P2: 1 } },
    { id: 'B', bom: { P1: 1 } },
  ],
  lines: [
    {
      id: 'L1',
      minutesPerUnit: { A: 1, B: 1.5 },
      setup: { A: { B: 15 }, B: { A: 20 } },
      initialProduct: 'A',
    },
    { id: 'L2', minutesPerUnit: { A: 2 } },
  ],
  orders: [
    { id: 'O1', product: 'A', quantity: 10, due: 60, frozen: true },
    { id: 'O2', product: 'B', quantity: 5, due: 90, frozen: true },
    { id: 'O3', product: 'A', quantity: 20, due: 120, eligibleLines: ['L1', 'L2'] },
    { id: 'O4', product: 'B', quantity: 1, due: 300 },
    { id: 'O5', product: 'A', quantity: 3, due: 300 },
  ],
  plan: { L1: ['O1', 'O2', 'O3', 'O4'], L2: ['O5'] },
  supplies: [{ part: 'P2', quantity: 50, at: 150 }],
};

type Raw = typeof valid & Record<string, unknown>;

/** A deep copy of the valid instance, changed by `edit`. */
function variant(edit: (raw: Raw) => void): Raw {
  const raw = structuredClone(valid) as Raw;
  edit(raw);
  return raw;
}

function instanceError(run: () => unknown): InstanceError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InstanceError);
    return error as InstanceError;
  }
  throw new Error('expected an InstanceError, nothing was thrown');
}

describe('parseInstance', () => {
  it('accepts the valid instance, with the parts a BOM or supply names but parts does not list', () => {
    expect(parseInstance(valid)).toEqual(valid);
    const unlisted = variant((raw) => {
      raw.products[1]!.bom = { P1: 1, P9: 2 } as never;
      raw.supplies.push({ part: 'P9', quantity: 5, at: 0 }, { part: 'P77', quantity: 1, at: 3.5 });
    });
    expect(parseInstance(unlisted).supplies).toHaveLength(3);
  });

  const cases: Array<[string, (raw: Raw) => void, string]> = [
    ['not an object', () => {}, '(input): '],
    ['horizon missing', (raw) => delete (raw as Partial<Raw>).horizon, 'horizon: is required'],
    ['horizon 0', (raw) => (raw.horizon = 0), 'horizon: must be positive'],
    ['horizon negative', (raw) => (raw.horizon = -60), 'horizon: must be positive'],
    [
      'horizon off the 1/64 grid',
      (raw) => (raw.horizon = 600.01),
      'horizon: must be a multiple of 1/64 minute',
    ],
    [
      'quantity 0',
      (raw) => (raw.orders[3]!.quantity = 0),
      'orders[3].quantity: must be a positive whole number',
    ],
    [
      'quantity fractional',
      (raw) => (raw.orders[3]!.quantity = 1.5),
      'orders[3].quantity: must be a positive whole number',
    ],
    [
      'quantity a string',
      (raw) => ((raw.orders[3] as Record<string, unknown>).quantity = '4'),
      'orders[3].quantity: must be a number',
    ],
    ['negative stock', (raw) => (raw.parts[1]!.stock = -1), 'parts[1].stock: must be a whole number ≥ 0'],
    ['fractional stock', (raw) => (raw.parts[0]!.stock = 0.5), 'parts[0].stock: must be a whole number ≥ 0'],
    [
      'fractional BOM quantity',
      (raw) => (raw.products[0]!.bom.P2 = 0.25),
      'products[0].bom.P2: must be a whole number ≥ 0',
    ],
    [
      'negative supply',
      (raw) => (raw.supplies[0]!.quantity = -5),
      'supplies[0].quantity: must be a whole number ≥ 0',
    ],
    [
      'supply time off the grid',
      (raw) => (raw.supplies[0]!.at = 0.3),
      'supplies[0].at: must be a multiple of 1/64 minute',
    ],
    ['supply time negative', (raw) => (raw.supplies[0]!.at = -1), 'supplies[0].at: must be ≥ 0'],
    [
      'minutesPerUnit off the grid',
      (raw) => (raw.lines[1]!.minutesPerUnit = { A: 1, B: 1.01 } as never),
      'lines[1].minutesPerUnit.B: must be a multiple of 1/64 minute',
    ],
    [
      'minutesPerUnit 0',
      (raw) => (raw.lines[1]!.minutesPerUnit.A = 0),
      'lines[1].minutesPerUnit.A: must be positive',
    ],
    [
      'setup off the grid',
      (raw) => (raw.lines[0]!.setup!.A!.B = 1 / 3),
      'lines[0].setup.A.B: must be a multiple of 1/64 minute',
    ],
    ['negative setup', (raw) => (raw.lines[0]!.setup!.B!.A = -1), 'lines[0].setup.B.A: must be ≥ 0'],
    [
      'due off the grid',
      (raw) => (raw.orders[0]!.due = 60.001),
      'orders[0].due: must be a multiple of 1/64 minute',
    ],
    ['duplicate part', (raw) => (raw.parts[1]!.id = 'P1'), 'parts[1].id: duplicate part id P1'],
    ['duplicate product', (raw) => (raw.products[1]!.id = 'A'), 'products[1].id: duplicate product id A'],
    ['duplicate line', (raw) => (raw.lines[1]!.id = 'L1'), 'lines[1].id: duplicate line id L1'],
    ['duplicate order', (raw) => (raw.orders[4]!.id = 'O4'), 'orders[4].id: duplicate order id O4'],
    [
      'unknown product of an order',
      (raw) => (raw.orders[2]!.product = 'Z'),
      'orders[2].product: unknown product Z',
    ],
    [
      'unknown product in minutesPerUnit',
      (raw) => ((raw.lines[1]!.minutesPerUnit as Record<string, number>).Z = 1),
      'lines[1].minutesPerUnit.Z: unknown product Z',
    ],
    [
      'unknown setup product',
      (raw) => (raw.lines[0]!.setup!.A = { Q: 3 } as never),
      'lines[0].setup.A.Q: unknown product Q',
    ],
    [
      'unknown initialProduct',
      (raw) => (raw.lines[0]!.initialProduct = 'Z'),
      'lines[0].initialProduct: unknown product Z',
    ],
    [
      'unknown line in the plan',
      (raw) => ((raw.plan as Record<string, string[]>).L9 = []),
      'plan.L9: unknown line L9',
    ],
    ['unknown order in the plan', (raw) => (raw.plan.L1[2] = 'O9'), 'plan.L1[2]: order O9 is not in orders'],
    ['order planned twice', (raw) => raw.plan.L2.push('O4'), 'plan: order O4 appears twice'],
    ['order planned nowhere', (raw) => (raw.plan.L2 = []), 'plan: order O5 is on no line'],
    [
      'unknown eligible line',
      (raw) => (raw.orders[2]!.eligibleLines = ['L1', 'L7']),
      'orders[2].eligibleLines[1]: unknown line L7',
    ],
    [
      'eligible line that cannot make the product',
      (raw) => {
        raw.lines.push({ id: 'L7', minutesPerUnit: { A: 1 } } as never);
        raw.orders[3] = { ...raw.orders[3]!, eligibleLines: ['L1', 'L7'] } as never;
      },
      'orders[3].eligibleLines: line L7 has no minutesPerUnit for product B',
    ],
    [
      'eligible line listed twice',
      (raw) => (raw.orders[2]!.eligibleLines = ['L1', 'L1']),
      'orders[2].eligibleLines[1]: line L1 is listed twice',
    ],
    [
      'planned on a line not in eligibleLines',
      (raw) => (raw.orders[2]!.eligibleLines = ['L2']),
      'plan.L1[2]: order O3 is not eligible for line L1',
    ],
    [
      'planned on a line that cannot make the product',
      (raw) => {
        raw.plan.L1 = ['O1', 'O2', 'O3'];
        raw.plan.L2 = ['O5', 'O4'];
      },
      'plan.L2[1]: line L2 cannot make product B of order O4',
    ],
    [
      'frozen orders not a prefix of their plan line',
      (raw) => (raw.plan.L1 = ['O1', 'O3', 'O2', 'O4']),
      'plan.L1[2]: frozen order O2 comes after unfrozen order O3',
    ],
  ];

  it.each(cases)('refuses %s', (_name, edit, message) => {
    const raw = _name === 'not an object' ? 'instance.json' : variant(edit);
    const error = instanceError(() => parseInstance(raw));
    expect(error.message).toContain(message);
    expect(error.message.startsWith(`${error.path}: `)).toBe(true);
    expect(error.message).toBe(`${error.path}: ${error.rule}`);
  });
});

describe('parseSchedule', () => {
  const instance: Instance = parseInstance(valid);

  it('accepts a valid schedule, with an absent line meaning an empty one', () => {
    const moved = { lines: { L1: ['O1', 'O2', 'O4'], L2: ['O3', 'O5'] } };
    expect(parseSchedule(instance, moved)).toEqual(moved);
    expect(parseSchedule(instance, { lines: instance.plan })).toEqual({ lines: instance.plan });
    const everywhere = parseInstance(
      variant((raw) => {
        raw.orders[4] = { ...raw.orders[4]!, eligibleLines: ['L1', 'L2'] } as never;
      }),
    );
    const schedule = parseSchedule(everywhere, { lines: { L1: ['O1', 'O2', 'O4', 'O3', 'O5'] } });
    expect(schedule).toEqual({ lines: { L1: ['O1', 'O2', 'O4', 'O3', 'O5'], L2: [] } });
  });

  const cases: Array<[string, unknown, string]> = [
    ['no lines', {}, 'lines: is required'],
    ['an unknown line', { lines: { ...valid.plan, L9: [] } }, 'lines.L9: unknown line L9'],
    [
      'an unknown order',
      { lines: { L1: ['O1', 'O2', 'O3', 'O4', 'O9'], L2: ['O5'] } },
      'lines.L1[4]: order O9 is not in orders',
    ],
    [
      'an order twice',
      { lines: { L1: ['O1', 'O2', 'O3', 'O4'], L2: ['O5', 'O3'] } },
      'lines: order O3 appears twice',
    ],
    ['an order missing', { lines: { L1: ['O1', 'O2', 'O3'], L2: ['O5'] } }, 'lines: order O4 is on no line'],
    [
      'an order on a line it is not eligible for',
      { lines: { L1: ['O1', 'O2', 'O3'], L2: ['O5', 'O4'] } },
      'lines.L2[1]: order O4 is not eligible for line L2',
    ],
    [
      'frozen orders swapped',
      { lines: { L1: ['O2', 'O1', 'O3', 'O4'], L2: ['O5'] } },
      'lines.L1: frozen orders O1, O2 must stay the first orders of L1 in plan order',
    ],
    [
      'an order put before the frozen ones',
      { lines: { L1: ['O4', 'O1', 'O2', 'O3'], L2: ['O5'] } },
      'lines.L1: frozen orders O1, O2 must stay the first orders of L1 in plan order',
    ],
  ];

  it.each(cases)('refuses %s', (_name, raw, message) => {
    const error = instanceError(() => parseSchedule(instance, raw));
    expect(error.message).toContain(message);
    expect(error.message).toBe(`${error.path}: ${error.rule}`);
  });

  it('refuses a frozen order moved to another eligible line', () => {
    const frozenMovable = parseInstance(
      variant((raw) => {
        raw.orders[0] = { ...raw.orders[0]!, eligibleLines: ['L1', 'L2'] } as never;
      }),
    );
    const error = instanceError(() =>
      parseSchedule(frozenMovable, { lines: { L1: ['O2', 'O3', 'O4'], L2: ['O1', 'O5'] } }),
    );
    expect(error.message).toBe(
      'lines.L1: frozen orders O1, O2 must stay the first orders of L1 in plan order',
    );
    expect(error.path).toBe('lines.L1');
  });
});
