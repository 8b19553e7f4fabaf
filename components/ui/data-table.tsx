import type { ReactNode } from "react";

export type Column<Row> = {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Numbers are right-aligned so their digits line up. */
  numeric?: boolean;
};

/** A table with real column headers (scope="col") and aligned numeric columns. */
export function DataTable<Row>({
  columns, rows, rowKey, caption, empty, testId,
}: {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row, index: number) => string;
  caption?: string;
  empty?: ReactNode;
  testId?: string;
}) {
  if (rows.length === 0 && empty) return <>{empty}</>;
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.numeric ? "num" : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => (
            <tr key={rowKey(r, ri)}>
              {columns.map((c, ci) => (
                <td key={ci} className={c.numeric ? "num" : undefined}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
