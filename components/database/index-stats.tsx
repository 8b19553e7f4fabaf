import type { IndexStats as Row } from "@/core/engines/db-insight/types";
import { DataTable, type Column } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { fmtBytes, fmtCount } from "./format";

function Findings({ i }: { i: Row }) {
  const found = [
    !i.valid && <StatusBadge key="invalid" status="bad" label="invalid" testId="index-invalid" />,
    i.coveredBy && <StatusBadge key="covered" status="warn" label={`covered by ${i.coveredBy}`} testId="index-covered" />,
    i.unused && <StatusBadge key="unused" status="warn" label="unused since reset" testId="index-unused" />,
  ].filter(Boolean);
  return found.length ? <>{found}</> : <span className="muted">{i.primary ? "primary key" : i.unique ? "unique" : "in use"}</span>;
}

const COLUMNS: Column<Row>[] = [
  { header: "Index", cell: (i) => <span title={i.definition}>{i.index}</span> },
  { header: "Table", cell: (i) => i.table },
  { header: "Scans", cell: (i) => fmtCount(i.scans), numeric: true },
  { header: "Size", cell: (i) => fmtBytes(i.sizeBytes), numeric: true },
  { header: "Findings", cell: (i) => <Findings i={i} /> },
];

/** Every index with its use since the statistics reset and what makes it removable or broken. */
export function IndexStats({ indexes }: { indexes: Row[] }) {
  return <DataTable testId="index-stats" caption="Index statistics" columns={COLUMNS} rows={indexes} rowKey={(i) => `${i.schema}.${i.index}`} />;
}
