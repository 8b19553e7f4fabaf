import { parse } from "libpg-query";

/**
 * Reads the parts of a statement an index can serve out of PostgreSQL's own parse tree
 * (libpg-query is the server's parser compiled to WebAssembly): which tables each SELECT block
 * reads, which columns it compares and how, and its ORDER BY. Names stay unresolved here;
 * `resolve-block.ts` maps them onto the catalog.
 */

type Node = Record<string, any>;

export interface TableRef {
  schema?: string;
  name: string;
  alias?: string;
}

/** `eq`: `col = value`; `in`: `col = ANY(…)`/`IN (…)`; `range`: `<`, `>`, `BETWEEN`. */
export type PredicateKind = "eq" | "in" | "range";

export interface ColumnPredicate {
  /** The ColumnRef's names: `[column]`, `[alias, column]` or `[schema, table, column]`. */
  column: string[];
  kind: PredicateKind;
  /** Set when the other side is a literal: the partial-index predicate (`= 'in-progress'`). */
  constant?: string;
}

export interface SortKey {
  column: string[];
  desc: boolean;
}

/** One SELECT (or UPDATE/DELETE) level: its own FROM, WHERE and ORDER BY. */
export interface QueryBlock {
  tables: TableRef[];
  predicates: ColumnPredicate[];
  /** Empty when the ORDER BY sorts on anything but plain columns. */
  sort: SortKey[];
}

/** A `$n` used as the statement's own LIMIT or OFFSET, with where its text starts. */
export interface PagingParam {
  role: "limit" | "offset";
  param: number;
  /** Character offset of `$n` in the statement text. */
  location: number;
}

export interface ParsedQuery {
  blocks: QueryBlock[];
  /** Highest `$n` in the text: how many parameters PREPARE needs. */
  params: number;
  /** The LIMIT / OFFSET parameters of the statement and its derived tables (a generic plan would guess 10% of the rows for them). */
  paging: PagingParam[];
}

export class UnsupportedQueryError extends Error {}

export async function parseQuery(sql: string): Promise<ParsedQuery> {
  const tree = (await parse(sql)) as { stmts: { stmt: Node }[] };
  if (tree.stmts.length !== 1) throw new UnsupportedQueryError("not a single statement");
  const blocks: QueryBlock[] = [];
  const stmt = tree.stmts[0]!.stmt;
  const kind = Object.keys(stmt)[0]!;
  if (!["SelectStmt", "UpdateStmt", "DeleteStmt", "InsertStmt"].includes(kind)) throw new UnsupportedQueryError(`${kind} is not a query`);
  visitStatement(stmt, blocks);
  return { blocks: blocks.filter((b) => b.tables.length > 0), params: maxParam(stmt), paging: pagingParams(stmt, sql) };
}

/**
 * The LIMIT / OFFSET parameters of the statement and of the SELECTs it reads from: its WITH
 * queries and derived tables (`FROM (SELECT … LIMIT $3) p`), where a page is often wrapped to
 * join its total. A subquery in a condition (`IN (SELECT … LIMIT $1)`) is a selection, not a
 * page, and is left alone.
 */
function pagingParams(stmt: Node, sql: string): PagingParam[] {
  const out: PagingParam[] = [];
  collectPaging(stmt.SelectStmt, sql, out);
  return out.sort((a, b) => a.location - b.location);
}

function collectPaging(select: Node | undefined, sql: string, out: PagingParam[]): void {
  if (!select) return;
  for (const cte of select.withClause?.ctes ?? []) collectPaging(cte.CommonTableExpr?.ctequery?.SelectStmt, sql, out);
  collectPaging(select.larg, sql, out);
  collectPaging(select.rarg, sql, out);
  const fromItems = [...(select.fromClause ?? [])];
  while (fromItems.length > 0) {
    const item = fromItems.pop()!;
    if (item.JoinExpr) fromItems.push(item.JoinExpr.larg, item.JoinExpr.rarg);
    else collectPaging(item.RangeSubselect?.subquery?.SelectStmt, sql, out);
  }
  for (const [role, node] of [["limit", select.limitCount], ["offset", select.limitOffset]] as const) {
    const ref = (node as Node | undefined)?.ParamRef;
    const param = Number(ref?.number ?? 0);
    const location = Number(ref?.location ?? -1);
    // Only a bare `$n` whose text is where the parser says (never a cast or an expression).
    if (param > 0 && location >= 0 && sql.startsWith(`$${param}`, location) && !/\d/.test(sql[location + `$${param}`.length] ?? "")) out.push({ role, param, location });
  }
}

function visitStatement(node: Node | undefined, out: QueryBlock[]): void {
  if (!node) return;
  if (node.SelectStmt) return visitSelect(node.SelectStmt, out);
  if (node.UpdateStmt) return visitModify(node.UpdateStmt.relation, node.UpdateStmt.fromClause, node.UpdateStmt.whereClause, out);
  if (node.DeleteStmt) return visitModify(node.DeleteStmt.relation, node.DeleteStmt.usingClause, node.DeleteStmt.whereClause, out);
  if (node.InsertStmt) return visitStatement(node.InsertStmt.selectStmt, out);
}

function visitSelect(s: Node, out: QueryBlock[]): void {
  for (const cte of s.withClause?.ctes ?? []) visitStatement(cte.CommonTableExpr?.ctequery, out);
  if (s.op && s.op !== "SETOP_NONE") {
    visitSelect(s.larg, out);
    visitSelect(s.rarg, out);
    return;
  }
  const block: QueryBlock = { tables: [], predicates: [], sort: [] };
  for (const item of s.fromClause ?? []) visitFrom(item, block, out);
  visitCondition(s.whereClause, block, out);
  block.sort = sortKeys(s.sortClause ?? []);
  out.push(block);
}

function visitModify(relation: Node | undefined, from: Node[] | undefined, where: Node | undefined, out: QueryBlock[]): void {
  const block: QueryBlock = { tables: relation ? [tableRef(relation)] : [], predicates: [], sort: [] };
  for (const item of from ?? []) visitFrom(item, block, out);
  visitCondition(where, block, out);
  out.push(block);
}

function tableRef(rv: Node): TableRef {
  return { schema: rv.schemaname, name: rv.relname, alias: rv.alias?.aliasname };
}

function visitFrom(item: Node, block: QueryBlock, out: QueryBlock[]): void {
  if (item.RangeVar) block.tables.push(tableRef(item.RangeVar));
  else if (item.JoinExpr) {
    visitFrom(item.JoinExpr.larg, block, out);
    visitFrom(item.JoinExpr.rarg, block, out);
    visitCondition(item.JoinExpr.quals, block, out);
  } else if (item.RangeSubselect) visitStatement(item.RangeSubselect.subquery, out);
}

const RANGE_OPS = new Set(["<", ">", "<=", ">="]);

/** Collects the ANDed comparisons a btree can use; OR branches only contribute their subqueries. */
function visitCondition(node: Node | undefined, block: QueryBlock, out: QueryBlock[]): void {
  if (!node) return;
  if (node.BoolExpr) {
    for (const arg of node.BoolExpr.args ?? []) {
      if (node.BoolExpr.boolop === "AND_EXPR") visitCondition(arg, block, out);
      else visitSubqueries(arg, out);
    }
    return;
  }
  if (node.SubLink) return visitStatement(node.SubLink.subselect, out);
  if (node.NullTest?.arg?.ColumnRef) {
    const sql = node.NullTest.nulltesttype === "IS_NOT_NULL" ? "IS NOT NULL" : "IS NULL";
    block.predicates.push({ column: columnNames(node.NullTest.arg), kind: "eq", constant: sql });
    return;
  }
  if (node.A_Expr) visitComparison(node.A_Expr, block);
  visitSubqueries(node, out);
}

function visitComparison(e: Node, block: QueryBlock): void {
  const op = e.name?.[0]?.String?.sval as string | undefined;
  const left = e.lexpr?.ColumnRef ? e.lexpr : undefined;
  const right = e.rexpr?.ColumnRef ? e.rexpr : undefined;
  if (e.kind === "AEXPR_OP" && op === "=" && left && right) {
    // A join condition: each side is an equality column of its own table.
    block.predicates.push({ column: columnNames(left), kind: "eq" }, { column: columnNames(right), kind: "eq" });
    return;
  }
  const [col, value] = left && isValue(e.rexpr) ? [left, e.rexpr] : right && isValue(e.lexpr) ? [right, e.lexpr] : [undefined, undefined];
  if (!col) return;
  const column = columnNames(col);
  if (e.kind === "AEXPR_OP" && op === "=") block.predicates.push({ column, kind: "eq", constant: literal(value) });
  else if (e.kind === "AEXPR_OP" && op && RANGE_OPS.has(op)) block.predicates.push({ column, kind: "range" });
  else if ((e.kind === "AEXPR_OP_ANY" && op === "=") || (e.kind === "AEXPR_IN" && op === "=")) block.predicates.push({ column, kind: "in" });
  else if (e.kind === "AEXPR_BETWEEN" && col === left) block.predicates.push({ column, kind: "range" });
}

function sortKeys(clause: Node[]): SortKey[] {
  const keys: SortKey[] = [];
  for (const item of clause) {
    const s = item.SortBy;
    // An expression or an explicit NULLS order a plain index key cannot match: no sort candidate.
    if (!s?.node?.ColumnRef || (s.sortby_nulls && s.sortby_nulls !== "SORTBY_NULLS_DEFAULT")) return [];
    keys.push({ column: columnNames(s.node), desc: s.sortby_dir === "SORTBY_DESC" });
  }
  return keys;
}

function columnNames(ref: Node): string[] {
  return (ref.ColumnRef.fields as Node[]).map((f) => (f.String?.sval as string | undefined) ?? "*");
}

/** A side without column references: a parameter, a literal, a function of those. */
function isValue(node: Node | undefined): boolean {
  return node !== undefined && !JSON.stringify(node).includes('"ColumnRef"');
}

/** The SQL of a bare literal, for a partial index's WHERE; undefined for anything else. */
function literal(node: Node | undefined): string | undefined {
  const c = node?.A_Const;
  if (!c || c.isnull) return undefined;
  if (c.sval) return `= '${String(c.sval.sval ?? "").replace(/'/g, "''")}'`;
  if (c.ival) return `= ${Number(c.ival.ival ?? 0)}`;
  if (c.boolval) return `= ${c.boolval.boolval ? "true" : "false"}`;
  return undefined;
}

function visitSubqueries(node: unknown, out: QueryBlock[]): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) return node.forEach((n) => visitSubqueries(n, out));
  const n = node as Node;
  if (n.SubLink) return visitStatement(n.SubLink.subselect, out);
  for (const v of Object.values(n)) visitSubqueries(v, out);
}

function maxParam(node: unknown): number {
  let max = 0;
  const walk = (v: unknown): void => {
    if (!v || typeof v !== "object") return;
    if (Array.isArray(v)) return v.forEach(walk);
    const n = v as Node;
    if (n.ParamRef) max = Math.max(max, Number(n.ParamRef.number ?? 0));
    Object.values(n).forEach(walk);
  };
  walk(node);
  return max;
}
