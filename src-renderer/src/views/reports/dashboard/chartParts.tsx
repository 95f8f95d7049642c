import type { ReactNode } from 'react';

// What the four dashboard charts share: the panel around each chart and the axis styling of
// the Reports view's existing hourly chart, so old and new charts read as one family.

export const AXIS_TICK = { fill: 'var(--text-muted)', fontSize: 11 };
export const CHART_HEIGHT = 220;
export const CHART_MARGIN = { top: 12, right: 12, bottom: 0, left: -12 };

export function ChartPanel({
  id,
  title,
  meta,
  summary,
  children,
}: {
  id: string;
  title: string;
  meta: string;
  /** One sentence for screen readers: what the chart shows at a glance. */
  summary: string;
  children: ReactNode;
}) {
  return (
    <section className="panel dashboard__chart" aria-labelledby={`${id}-title`} data-testid={id}>
      <header className="panel__head">
        <h3 className="panel__title" id={`${id}-title`}>
          {title}
        </h3>
        <span className="panel__meta">{meta}</span>
      </header>
      <figure className="chart panel__body">
        <figcaption className="visually-hidden">{summary}</figcaption>
        {children}
      </figure>
    </section>
  );
}

export function TooltipBox({ title, lines }: { title: string; lines: [string, string][] }) {
  return (
    <div className="chart-tooltip">
      <strong>{title}</strong>
      {lines.map(([label, value]) => (
        <span key={label}>
          {label}: <b className="num">{value}</b>
        </span>
      ))}
    </div>
  );
}
