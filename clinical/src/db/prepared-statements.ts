import { createHash } from "node:crypto";

/**
 * Distinct statement texts this process prepares on its PostgreSQL connections (each connection
 * prepares a text on first use and keeps it). The service's texts are a few dozen; the bound
 * keeps a caller that builds SQL from unbounded input from growing every backend's memory:
 * texts past it run unnamed (parsed and planned each time, as before).
 */
export const MAX_PREPARED_STATEMENTS = 500;

/**
 * Names for prepared statements, one per SQL text, so PostgreSQL parses and plans a statement
 * once per connection instead of on every request (about a third of a patient read's database
 * time). The name is a hash of the text: two texts can never share a name, which pg refuses.
 */
export class PreparedStatements {
  readonly #names = new Map<string, string>();

  constructor(private readonly max = MAX_PREPARED_STATEMENTS) {}

  /** The statement's name, or undefined once the bound is reached for a text not yet named. */
  nameOf(sql: string): string | undefined {
    const known = this.#names.get(sql);
    if (known !== undefined || this.#names.size >= this.max) return known;
    const name = `vigil_${createHash("sha256").update(sql).digest("hex").slice(0, 32)}`;
    this.#names.set(sql, name);
    return name;
  }

  get size(): number {
    return this.#names.size;
  }
}
