import { coverageBench } from './coverage-projection';
import { dockTimelineBench } from './dock-timeline';
import { etaBench } from './eta';
import { foundationBench } from './foundation';
import { historyBench } from './history';
import { ingestBench } from './ingest';
import { mapBench } from './map';
import { plantImportBench } from './plant-import';
import { reportsBench } from './reports';
import { evaluationBench } from './reschedule-evaluate';
import { recommendationBench } from './reschedule-recommend';
import { type BenchFigure, meetsTarget, renderTable } from './table';

// `npm run bench`: every figure of every issue in one table, each with its target and baseline.
// Built into out/main/bench.js next to serve.js, so it measures the shipped bundle. Run it on a
// quiet machine: the figures are wall-clock times.

const suites: [string, () => Promise<BenchFigure[]>][] = [
  ['foundation', foundationBench],
  ['evaluation', evaluationBench],
  ['recommendation', recommendationBench],
  ['coverage projection', coverageBench],
  ['map', mapBench],
  ['docks', dockTimelineBench],
  ['ingest', ingestBench],
  ['eta', etaBench],
  ['reports', reportsBench],
  ['plant import', plantImportBench],
  ['history', historyBench],
];

async function main() {
  const only = process.argv[2];
  const figures: BenchFigure[] = [];
  const started = performance.now();
  for (const [name, suite] of suites) {
    if (only && !name.startsWith(only)) continue;
    console.error(`[bench] ${name} …`);
    figures.push(...(await suite()));
  }
  console.log(renderTable(figures));
  const missed = figures.filter((figure) => meetsTarget(figure) === false);
  console.log(
    `\n${figures.length} figures in ${((performance.now() - started) / 1000).toFixed(1)} s; ${missed.length} target(s) missed.`,
  );
  if (missed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
