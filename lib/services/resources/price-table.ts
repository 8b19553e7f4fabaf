import "server-only";
import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { DEFAULT_PRICES, type PriceTable } from "@/core/engines/cost/prices";
import type { Prisma } from "../../generated/prisma/client";
import { priceTableFromForm } from "../../validations/price-table";
import { withReasonSchema } from "../../validations/reason";
import { invalidFields } from "../validation-error";

export interface SavedPriceTable {
  /** 0: nobody has saved one; the defaults apply. */
  version: number;
  prices: PriceTable;
  /** When this version was saved, which is when it took effect: only the console reads prices. */
  savedAt: string | null;
}

/** The newest saved price table, or the defaults as version 0. */
export async function currentPriceTable(): Promise<SavedPriceTable> {
  const row = await (await db()).priceTableVersion.findFirst({ orderBy: { version: "desc" } });
  if (!row) return { version: 0, prices: DEFAULT_PRICES, savedAt: null };
  return { version: row.version, prices: row.prices as unknown as PriceTable, savedAt: row.createdAt.toISOString() };
}

/**
 * Saves a new price table (admin; audited with the previous table and the reason). No control
 * plane push: the clinical service never reads prices, so the new version is in effect for every
 * cost figure from the moment it is saved.
 */
export async function updatePriceTable(actor: Actor | null, input: Record<string, unknown>): Promise<SavedPriceTable> {
  const user = await authorize(actor, "policy.change", { action: "resources.prices.update" });
  const parsed = priceTableFromForm(input);
  const why = withReasonSchema.safeParse(input);
  if (!parsed.success || !why.success) throw invalidFields(parsed, why)!;
  await (await db()).$transaction(async (tx) => {
    // Two admins saving at once get consecutive versions, each audited against the one before it.
    await tx.$executeRawUnsafe('LOCK TABLE "price_table_versions" IN EXCLUSIVE MODE');
    const last = await tx.priceTableVersion.findFirst({ orderBy: { version: "desc" } });
    const before = last ? (last.prices as unknown as PriceTable) : DEFAULT_PRICES;
    const version = (last?.version ?? 0) + 1;
    await tx.priceTableVersion.create({ data: { version, prices: parsed.data as unknown as Prisma.InputJsonValue, createdById: user.id } });
    await recordAuditEvent(tx, {
      actorId: user.id, actor: user.email, actorRole: user.role, action: "resources.prices.update", target: `price-table:v${version}`, sourceIp: user.sourceIp, outcome: "success",
      before: { version: last?.version ?? 0, prices: before }, after: { version, prices: parsed.data, reason: why.data.reason },
    });
  });
  return currentPriceTable();
}
