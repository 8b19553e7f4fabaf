import type { LabelledForecast } from "@/lib/services/scaling/demand-forecasts";
import { ForecastChart } from "./charts";

const METHOD_TEXT: Record<string, string> = {
  "mstl-ets": "MSTL (daily + weekly seasonality) with AutoETS trend",
  "hour-of-week": "hour-of-week profile",
  "seasonal-naive-daily": "seasonal naive (same hour yesterday)",
  "seasonal-naive-weekly": "seasonal naive (same hour last week)",
};

const fmt = (x: number, d = 2) => x.toFixed(d);

/** A forecast with its rolling-origin backtest beside it, or the reason there is none. */
export function ForecastPanel({ f, testId }: { f: LabelledForecast; testId: string }) {
  const r = f.result;
  if (r.kind === "insufficient") {
    return <p className="notice" data-testid={`${testId}-insufficient`}>No forecast from {f.description}: {r.note}.</p>;
  }
  const n = f.recent.length;
  const points = [
    ...f.recent.map((v, i) => ({ hour: i - n, history: Math.round(v * 10) / 10 })),
    ...r.forecast.point.map((v, i) => ({ hour: i, forecast: Math.round(v * 10) / 10, band: [Math.round(r.forecast.lower[i]! * 10) / 10, Math.round(r.forecast.upper[i]! * 10) / 10] as [number, number] })),
  ];
  return (
    <div data-testid={testId}>
      <p>
        {f.source === "synthetic" && <strong>Synthetic data. </strong>}
        {METHOD_TEXT[r.method] ?? r.method} on {f.historyHours} h of {f.description}; next {r.forecast.point.length} h.
        {r.note && <span className="muted"> {r.note}.</span>}
      </p>
      <table data-testid={`${testId}-backtest`}>
        <thead><tr><th scope="col">Method</th><th scope="col" className="num">MASE (vs seasonal naive)</th><th scope="col" className="num">{Math.round(r.forecast.level * 100)}% interval coverage</th><th scope="col" className="num">Held-out days</th></tr></thead>
        <tbody>
          {[r.backtest, r.baselineBacktest !== r.backtest ? r.baselineBacktest : null].filter((b) => b !== null).map((b) => (
            <tr key={b.method}><td>{METHOD_TEXT[b.method] ?? b.method}</td><td className="num">{fmt(b.mase)}</td><td className="num">{fmt(b.coverage * 100, 1)}%</td><td className="num">{b.origins}</td></tr>
          ))}
        </tbody>
      </table>
      {!r.backtest && <p className="muted">No backtest yet: too little history to hold a day out.</p>}
      <ForecastChart points={points} level={r.forecast.level} testId={`${testId}-chart`} />
    </div>
  );
}
