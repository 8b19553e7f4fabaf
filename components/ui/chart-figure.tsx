import type { ReactNode } from "react";

/** One chart with its caption; several sit side by side in a `.grid`. */
export function ChartFigure({ title, testId, children }: { title: ReactNode; testId: string; children: ReactNode }) {
  return (
    <figure className="chart-figure" data-testid={testId}>
      <figcaption><strong>{title}</strong></figcaption>
      {children}
    </figure>
  );
}
