import type { ReactNode } from "react";

/** What a section shows when it has nothing measured yet: says why, invents nothing. */
export function EmptyState({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="empty-state muted" data-testid={testId}>
      {children}
    </p>
  );
}
