import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/services/auth/dal";
import { can } from "@/lib/auth/roles";
import { listBreakGlassUses } from "@/lib/services/break-glass/list-break-glass";
import { Card } from "@/components/ui/card";
import { ReviewQueue } from "@/components/break-glass/review-queue";
import { acknowledgeBreakGlassAction } from "./actions";

export const metadata: Metadata = { title: "Break-glass review" };

export default async function BreakGlassReviewPage() {
  const actor = await requirePagePermission("breakglass.review", "admin.break_glass.view");
  const uses = await listBreakGlassUses(actor);
  const pending = uses.filter((u) => u.endedAt && !u.acknowledgedAt).length;
  return (
    <>
      <h1>Break-glass review</h1>
      <Card title={`Uses (${pending} awaiting acknowledgement)`} testId="break-glass-review">
        <p className="muted">
          Each time an ops user took administrator rights, with the reason they gave. Compliance acknowledges each ended use once;
          the acknowledgement and its note are audited.
        </p>
        <ReviewQueue uses={uses} acknowledgeAction={can(actor.role, "breakglass.acknowledge") ? acknowledgeBreakGlassAction : undefined} />
      </Card>
    </>
  );
}
