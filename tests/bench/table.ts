/** One line of the benchmark table: a figure, its target and how it compares. */
export interface BenchFigure {
  area: string;
  name: string;
  value: number;
  unit: string;
  /** The target the issue sets; `lower` means the value must stay at or below it. */
  target?: { value: number; direction: 'lower' | 'higher' };
  /** A baseline measured in the same run, printed as value ÷ baseline. */
  baseline?: { name: string; value: number };
}

const format = (value: number) =>
  Number.isInteger(value)
    ? String(value)
    : Math.abs(value) >= 100
      ? value.toFixed(0)
      : Math.abs(value) >= 10
        ? value.toFixed(1)
        : value.toFixed(2);

export function meetsTarget(figure: BenchFigure): boolean | null {
  if (!figure.target) return null;
  return figure.target.direction === 'lower'
    ? figure.value <= figure.target.value
    : figure.value >= figure.target.value;
}

/** A Markdown table: the README shows the latest one as it is printed. */
export function renderTable(figures: BenchFigure[]): string {
  const header =
    '| area | figure | value | target | met | ratio to baseline |\n| --- | --- | ---: | ---: | :---: | --- |';
  const rows = figures.map((f) => {
    const met = meetsTarget(f);
    const target = f.target
      ? `${f.target.direction === 'lower' ? '≤' : '≥'} ${format(f.target.value)} ${f.unit}`
      : '';
    const ratio = f.baseline ? `${format(f.value / f.baseline.value)}× ${f.baseline.name}` : '';
    return `| ${f.area} | ${f.name} | ${format(f.value)} ${f.unit} | ${target} | ${met === null ? '' : met ? 'yes' : '**no**'} | ${ratio} |`;
  });
  return [header, ...rows].join('\n');
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}
