// The re-sequencing problem exactly as ../shared/RESCHEDULING.md defines it. All times are minutes
// from the instance start (t = 0 is "now"), multiples of 1/64 minute; quantities are whole numbers.

export interface InstancePart {
  id: string;
  stock: number;
}

export interface InstanceProduct {
  id: string;
  /** Units of each part per unit of product. */
  bom: Record<string, number>;
}

export interface InstanceLine {
  id: string;
  /** Minutes per unit for each product the line can make; a product missing here cannot run on it. */
  minutesPerUnit: Record<string, number>;
  /** setup[a][b]: minutes to switch from product a to product b; missing entries are 0. */
  setup?: Record<string, Record<string, number>>;
  /** The product the line is set up for at t = 0; none means no setup before the first order. */
  initialProduct?: string | null;
}

export interface InstanceOrder {
  id: string;
  product: string;
  quantity: number;
  due: number;
  /** Defaults to the line the plan puts the order on. */
  eligibleLines?: string[];
  frozen?: boolean;
}

export interface InstanceSupply {
  part: string;
  quantity: number;
  at: number;
}

export interface Instance {
  horizon: number;
  parts: InstancePart[];
  products: InstanceProduct[];
  lines: InstanceLine[];
  orders: InstanceOrder[];
  /** The current sequence of order ids per line. */
  plan: Record<string, string[]>;
  supplies: InstanceSupply[];
}

/** A sequence of order ids per line. */
export interface Schedule {
  lines: Record<string, string[]>;
}

export interface Metrics {
  unproducedUnits: number;
  stoppageMinutes: number;
  tardinessMinutes: number;
  setups: number;
  moved: number;
}

/** The order in which metrics decide: lower is better, the first difference wins. */
export const METRIC_ORDER: readonly (keyof Metrics)[] = [
  'unproducedUnits',
  'stoppageMinutes',
  'tardinessMinutes',
  'setups',
  'moved',
];

export const MINUTE_TOLERANCE = 1e-6;
