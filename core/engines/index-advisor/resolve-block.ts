import type { Catalog, CatalogTable } from "./catalog";
import type { QueryBlock, TableRef } from "./parse-query";
import type { ConstantPredicate, IndexColumn } from "./types";

/** How one query block uses one table: what an index on it could serve. */
export interface TableUse {
  table: CatalogTable;
  eq: string[];
  in: string[];
  range: string[];
  /** The ORDER BY, when all of it is on this table; otherwise empty. */
  sort: IndexColumn[];
  constants: ConstantPredicate[];
}

function findTable(catalog: Catalog, ref: TableRef): CatalogTable | undefined {
  const schemas = ref.schema ? [ref.schema] : catalog.searchPath;
  for (const schema of schemas) {
    const t = catalog.tables.find((x) => x.schema === schema && x.name === ref.name);
    if (t) return t;
  }
  return undefined;
}

/** Maps each block's names onto catalog tables and columns; unknown names are dropped. */
export function resolveBlock(block: QueryBlock, catalog: Catalog): TableUse[] {
  const refs = block.tables.map((ref) => ({ ref, table: findTable(catalog, ref) }));
  const uses = new Map<CatalogTable, TableUse>();
  const useOf = (t: CatalogTable) => {
    let u = uses.get(t);
    if (!u) uses.set(t, (u = { table: t, eq: [], in: [], range: [], sort: [], constants: [] }));
    return u;
  };
  for (const r of refs) if (r.table) useOf(r.table);

  const owner = (names: string[]): { table: CatalogTable; column: string } | undefined => {
    const column = names[names.length - 1]!;
    const qualifier = names.length >= 2 ? names[names.length - 2] : undefined;
    const matches = refs.filter((r) => r.table && r.table.columns.includes(column) && (!qualifier || r.ref.alias === qualifier || (!r.ref.alias && r.ref.name === qualifier)));
    // An unqualified name two tables share is ambiguous to PostgreSQL as well: skip it.
    return matches.length === 1 ? { table: matches[0]!.table!, column } : undefined;
  };

  for (const p of block.predicates) {
    const o = owner(p.column);
    if (!o) continue;
    const u = useOf(o.table);
    if (p.constant) u.constants.push({ column: o.column, sql: p.constant });
    const list = u[p.kind];
    if (!list.includes(o.column)) list.push(o.column);
  }
  const sortOwners = block.sort.map((s) => ({ o: owner(s.column), desc: s.desc }));
  const sortTable = sortOwners[0]?.o?.table;
  if (sortTable && sortOwners.every((s) => s.o?.table === sortTable)) {
    useOf(sortTable).sort = sortOwners.map((s) => ({ name: s.o!.column, desc: s.desc }));
  }
  return [...uses.values()];
}
