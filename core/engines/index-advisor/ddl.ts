import { MAX_IDENTIFIER_BYTES } from "./defaults";
import type { Candidate } from "./types";

// Reserved words a bare identifier may not be (the subset plausible as column or table names).
const RESERVED = new Set(["all", "analyse", "analyze", "and", "any", "array", "as", "asc", "case", "cast", "check", "collate", "column", "constraint", "create", "current_date", "current_time", "current_timestamp", "current_user", "default", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into", "leading", "limit", "localtime", "not", "null", "offset", "on", "only", "or", "order", "primary", "references", "select", "session_user", "some", "table", "then", "to", "trailing", "true", "union", "unique", "user", "using", "when", "where", "window", "with"]);

export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** FNV-1a, for a short stable suffix when a name must be shortened. */
function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0").slice(0, 6);
}

/** `<table>_<columns>[_where_<columns>]_idx`, shortened with a hash to PostgreSQL's 63 bytes. */
export function indexName(c: Candidate): string {
  const parts = [c.table, ...c.columns.map((x) => x.name)];
  if (c.where.length) parts.push("where", ...c.where.map((w) => w.column));
  const full = `${parts.join("_")}_idx`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  if (new TextEncoder().encode(full).length <= MAX_IDENTIFIER_BYTES) return full;
  const hash = shortHash(full);
  return `${full.slice(0, MAX_IDENTIFIER_BYTES - hash.length - 5)}_${hash}_idx`;
}

export function keySql(c: Candidate): string {
  const cols = c.columns.map((x) => `${quoteIdent(x.name)}${x.desc ? " DESC" : ""}`).join(", ");
  const where = c.where.map((w) => `${quoteIdent(w.column)} ${w.sql}`).join(" AND ");
  return `${quoteIdent(c.schema)}.${quoteIdent(c.table)} (${cols})${where ? ` WHERE ${where}` : ""}`;
}

export interface DdlOptions {
  concurrently?: boolean;
  ifNotExists?: boolean;
  name?: string;
}

export function createIndexSql(c: Candidate, opts: DdlOptions = {}): string {
  const words = ["CREATE INDEX", opts.concurrently ? "CONCURRENTLY" : "", opts.ifNotExists ? "IF NOT EXISTS" : ""].filter(Boolean).join(" ");
  return `${words} ${quoteIdent(opts.name ?? indexName(c))} ON ${keySql(c)}`;
}
