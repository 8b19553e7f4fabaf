import type { TableStats as Row } from "@/core/engines/db-insight/types";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { fmtBytes, fmtCount } from "./format";
import { ScanMix } from "./scan-mix";

const COLUMNS: Column<Row>[] = [
  { header: "Table", cell: (t) => (t.schema === "public" ? t.table : `${t.schema}.${t.table}`) },
  { header: "Sequential scans", cell: (t) => fmtCount(t.seqScans), numeric: true },
  { header: "Rows read by them", cell: (t) => fmtCount(t.seqRowsRead), numeric: true },
  { header: "Index scans", cell: (t) => fmtCount(t.indexScans), numeric: true },
  { header: "Rows", cell: (t) => fmtCount(t.rows), numeric: true },
  { header: "Dead rows", cell: (t) => fmtCount(t.deadRows), numeric: true },
  { header: "Size", cell: (t) => fmtBytes(t.sizeBytes), numeric: true },
  { header: "Writes / hour", cell: (t) => (t.writesPerHour === null ? "—" : fmtCount(t.writesPerHour)), numeric: true },
];

/** Per-table scans, size and write rate (pg_stat_user_tables). */
export function TableStats({ tables }: { tables: Row[] }) {
  if (tables.length === 0) return <EmptyState testId="tables-empty">This database has no user tables.</EmptyState>;
  return (
    <>
      <ScanMix data={tables.slice(0, 8).map((t) => ({ table: t.table, sequential: t.seqScans, index: t.indexScans }))} />
      <DataTable testId="table-stats" caption="Table statistics" columns={COLUMNS} rows={tables} rowKey={(t) => `${t.schema}.${t.table}`} />
    </>
  );
}
