/**
 * A form of SQL text that equals for the same statement however it was written: literals
 * (numbers, strings, booleans) and placeholders become `?`, whitespace collapses, case folds.
 * pg_stat_statements replaces constants with `$n` and keeps the original spacing, so the raw
 * texts rarely match exactly.
 */
export function normalizeQuery(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/'(?:[^']|'')*'/g, "?")
    .replace(/\$\d+/g, "?")
    .replace(/(?<![\w$.])\d+(?:\.\d+)?\b/g, "?")
    // Boolean literals are constants to pg_stat_statements too (`ON true` is recorded as `ON $6`).
    .replace(/(?<![\w$."])\b(?:true|false)\b(?![\w"])/gi, "?")
    .replace(/\s+/g, " ")
    .replace(/\s*([(),=<>])\s*/g, "$1")
    .trim()
    .toLowerCase();
}
