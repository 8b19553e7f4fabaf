/**
 * Break-glass limits, free of zod so the client form can import them without pulling the
 * validation library into its first-load JavaScript (e2e/budget.spec.ts).
 */
/** The longest a break-glass grant may last, in minutes (issue 18: at most an hour). */
export const BREAK_GLASS_MAX_MINUTES = 60;
/** What the form offers first: long enough for one incident, short enough to end on its own. */
export const BREAK_GLASS_DEFAULT_MINUTES = 30;
