// What the plant has learned about its lanes: how much longer (or shorter) the trucks of a lane —
// one supplier's origin to the plant — really take than the engine predicts, and how much that
// varies. The measure is the ratio of actual transit (departure to gate check-in) to the transit
// predicted at departure, on a log scale so that "twice as long" and "half as long" weigh alike.
// Few samples say little: the learned value is shrunk towards "as predicted" (factor 1) with the
// weight of PRIOR_SAMPLES imaginary trips, and a carrier on a lane towards that lane.

export interface LaneSample {
  laneKey: string;
  carrierId: string | null;
  actualMinutes: number;
  predictedMinutes: number;
}

export interface LaneStatistic {
  /** Actual over predicted transit, shrunk towards the prior: multiply predicted driving by it. */
  factor: number;
  /** Standard deviation of the log ratio (≈ relative spread of transit times). */
  spread: number;
  /** Completed trips behind the figure (0: the prior alone). */
  samples: number;
}

/** How many imaginary trips "as predicted" each lane starts with. */
export const PRIOR_SAMPLES = 5;
/** The spread assumed for a lane nobody has driven yet: about ±12 % of the transit time. */
export const PRIOR_SPREAD = 0.12;
/** A trip ten times the prediction is a data error (a truck parked over the weekend), not a lane. */
const RATIO_RANGE: readonly [number, number] = [0.5, 3];

export const NEUTRAL_LANE: LaneStatistic = { factor: 1, spread: PRIOR_SPREAD, samples: 0 };

export const laneKey = (supplierId: string, originName: string) => `${supplierId}|${originName}`;

interface Accumulator {
  n: number;
  sum: number;
  sumSquares: number;
}

function accumulate(map: Map<string, Accumulator>, key: string, x: number) {
  const a = map.get(key) ?? { n: 0, sum: 0, sumSquares: 0 };
  a.n += 1;
  a.sum += x;
  a.sumSquares += x * x;
  map.set(key, a);
}

/** Shrinks the log-ratio mean and variance of `a` towards a prior (mean, spread). */
function shrink(a: Accumulator, priorLogMean: number, priorSpread: number): LaneStatistic {
  const mean = a.sum / a.n;
  const squaredDeviations = Math.max(0, a.sumSquares - a.n * mean * mean);
  const logMean = (a.n * mean + PRIOR_SAMPLES * priorLogMean) / (a.n + PRIOR_SAMPLES);
  const variance = (squaredDeviations + PRIOR_SAMPLES * priorSpread * priorSpread) / (a.n + PRIOR_SAMPLES);
  return { factor: Math.exp(logMean), spread: Math.sqrt(variance), samples: a.n };
}

export interface LaneBook {
  /** The statistic for a carrier on a lane, or for the lane when the carrier is unknown or new. */
  lookup(laneKey: string, carrierId: string | null): LaneStatistic;
}

export function learnLanes(samples: readonly LaneSample[]): LaneBook {
  const lanes = new Map<string, Accumulator>();
  const carriersByLane = new Map<string, Map<string, Accumulator>>();
  for (const sample of samples) {
    if (!(sample.actualMinutes > 0 && sample.predictedMinutes > 0)) continue;
    const ratio = Math.min(
      RATIO_RANGE[1],
      Math.max(RATIO_RANGE[0], sample.actualMinutes / sample.predictedMinutes),
    );
    const x = Math.log(ratio);
    accumulate(lanes, sample.laneKey, x);
    if (sample.carrierId === null) continue;
    let carriers = carriersByLane.get(sample.laneKey);
    if (!carriers) {
      carriers = new Map();
      carriersByLane.set(sample.laneKey, carriers);
    }
    accumulate(carriers, sample.carrierId, x);
  }
  const laneStats = new Map<string, LaneStatistic>();
  const carrierStats = new Map<string, Map<string, LaneStatistic>>();
  for (const [key, a] of lanes) {
    const lane = shrink(a, 0, PRIOR_SPREAD);
    laneStats.set(key, lane);
    const carriers = new Map<string, LaneStatistic>();
    for (const [carrierId, c] of carriersByLane.get(key) ?? []) {
      // The lane's figure already is this carrier's when nobody else drives it: shrinking the same
      // trips towards themselves would count them twice.
      if (c.n < a.n) carriers.set(carrierId, shrink(c, Math.log(lane.factor), lane.spread));
    }
    carrierStats.set(key, carriers);
  }
  return {
    lookup(lane, carrierId) {
      const own = carrierId !== null ? carrierStats.get(lane)?.get(carrierId) : undefined;
      return own ?? laneStats.get(lane) ?? NEUTRAL_LANE;
    },
  };
}
