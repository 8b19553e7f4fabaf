import type { ReactNode } from "react";

/** A titled panel: the console's one container for a section of a page. */
export function Card({ title, actions, testId, children }: { title?: ReactNode; actions?: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <section className="panel" data-testid={testId}>
      {(title || actions) && (
        <header className="card-header">
          {title && <h2 className="card-title">{title}</h2>}
          {actions && <div className="card-actions">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}
