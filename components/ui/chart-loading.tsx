/** The heights charts are drawn at, in px; each has a `.chart-h-<n>` class in app/globals.css. */
export type ChartHeight = 200 | 220 | 240 | 260 | 280 | 320;

export const chartHeightClass = (height: ChartHeight) => `chart-h-${height}`;

/** What shows while a chart's code loads (next/dynamic): as tall as the chart, so nothing jumps. */
export function ChartLoading({ height }: { height: ChartHeight }) {
  return <div className={`${chartHeightClass(height)} muted`}>Loading chart…</div>;
}

/** For next/dynamic's `loading` option. */
export const chartLoading = (height: ChartHeight) => () => <ChartLoading height={height} />;
