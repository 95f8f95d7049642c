import { foundationBench } from './foundation';
import { type BenchFigure, meetsTarget, renderTable } from './table';

// `npm run bench`: every figure of every issue in one table, each with its target and baseline.
// Built into out/main/bench.js next to serve.js, so it measures the shipped bundle.

async function main() {
  const figures: BenchFigure[] = [];
  const started = performance.now();
  figures.push(...(await foundationBench()));
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
