import { describe, expect, it } from "vitest";
import { candidatesFor } from "./candidates";
import type { CatalogTable, ExistingIndex } from "./catalog";
import { candidateKey } from "./covered";
import { createIndexSql, indexName } from "./ddl";
import type { TableUse } from "./resolve-block";

const table = (indexes: ExistingIndex[] = []): CatalogTable => ({
  schema: "telemetry",
  name: "readings",
  columns: ["id", "device", "kind", "taken_at", "state"],
  rows: 1_000_000,
  distinct: { device: 50_000, kind: 4, state: 3 },
  indexes,
});
const use = (u: Partial<TableUse>, t = table()): TableUse => ({ table: t, eq: [], in: [], range: [], sort: [], constants: [], ...u });
const keys = (u: TableUse) => {
  const { single, multi } = candidatesFor(u);
  return { single: single.map(candidateKey), multi: multi.map(candidateKey) };
};

describe("candidatesFor", () => {
  it("puts equality columns first (most selective first), then the sort with its directions", () => {
    const k = keys(use({ eq: ["kind", "device"], sort: [{ name: "taken_at", desc: true }, { name: "id", desc: true }] }));
    expect(k.single).toEqual(["telemetry.readings(device)", "telemetry.readings(kind)", "telemetry.readings(taken_at DESC)"]);
    expect(k.multi).toEqual(["telemetry.readings(device,kind)", "telemetry.readings(device,kind,taken_at DESC,id DESC)"]);
  });

  it("uses one range column after the equality and IN columns when there is no sort", () => {
    const k = keys(use({ eq: ["device"], in: ["kind"], range: ["taken_at"] }));
    expect(k.multi).toEqual(["telemetry.readings(device,kind)", "telemetry.readings(device,kind,taken_at)"]);
  });

  it("turns literal predicates into partial variants", () => {
    const k = keys(use({ eq: ["device", "state"], constants: [{ column: "state", sql: "= 'open'" }] }));
    expect(k.multi).toContain("telemetry.readings(device) WHERE state = 'open'");
    expect(k.multi).toContain("telemetry.readings(device,state)");
  });

  it("drops candidates an existing index already leads with (also the all-reversed order)", () => {
    const existing: ExistingIndex = { name: "readings_device_taken", method: "btree", valid: true, partial: false, columns: [{ name: "device", desc: false }, { name: "taken_at", desc: false }] };
    const k = keys(use({ eq: ["device"], sort: [{ name: "taken_at", desc: true }] }, table([existing])));
    expect(k.single).toEqual(["telemetry.readings(taken_at DESC)"]);
    expect(k.multi).toEqual(["telemetry.readings(device,taken_at DESC)"]);
    const reversed = keys(use({ eq: ["device"], range: ["taken_at"] }, table([existing])));
    expect(reversed.multi).toEqual([]);
    const invalid = keys(use({ eq: ["device"] }, table([{ ...existing, valid: false }])));
    expect(invalid.single).toEqual(["telemetry.readings(device)"]);
  });
});

describe("DDL", () => {
  it("writes CREATE INDEX CONCURRENTLY with quoting, DESC and WHERE", () => {
    const c = { schema: "telemetry", table: "readings", columns: [{ name: "device", desc: false }, { name: "Order", desc: true }], where: [{ column: "state", sql: "= 'open'" }] };
    expect(createIndexSql(c, { concurrently: true })).toBe(
      `CREATE INDEX CONCURRENTLY readings_device_order_where_state_idx ON telemetry.readings (device, "Order" DESC) WHERE state = 'open'`,
    );
  });

  it("shortens long names to 63 bytes with a stable hash", () => {
    const long = { schema: "s", table: "a_rather_long_table_name_for_measurements", columns: ["first_column_name", "second_column_name"].map((name) => ({ name, desc: false })), where: [] };
    const name = indexName(long);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/_[0-9a-f]{6}_idx$/);
    expect(indexName(long)).toBe(name);
  });
});
