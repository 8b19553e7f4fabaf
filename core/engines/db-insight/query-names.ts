import { normalizeQuery } from "./normalize-query";

/**
 * Names statements by their normalized text. The application registers each named query's SQL
 * (as it runs it); a pg_stat_statements text with the same normalized form gets that name.
 * Two names for one text (the same SQL run for two purposes) are both kept: `a / b`.
 */
export function createQueryNames(limit = 500) {
  const byText = new Map<string, string>();
  return {
    register(name: string, sql: string): void {
      const key = normalizeQuery(sql);
      const known = byText.get(key);
      if (known === undefined) {
        if (byText.size < limit) byText.set(key, name);
      } else if (!known.split(" / ").includes(name)) {
        byText.set(key, `${known} / ${name}`);
      }
    },
    nameOf: (query: string): string | null => byText.get(normalizeQuery(query)) ?? null,
    get size() {
      return byText.size;
    },
  };
}

export type QueryNames = ReturnType<typeof createQueryNames>;
