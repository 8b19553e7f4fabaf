import type { Metadata } from "next";
import { requireActor, requirePagePermission } from "@/lib/services/auth/dal";
import { BREAK_GLASS_MAX_MINUTES } from "@/lib/validations/break-glass";
import { Card } from "@/components/ui/card";
import { Timestamp } from "@/components/ui/timestamp";
import { StartBreakGlassForm } from "@/components/break-glass/start-break-glass-form";
import { startBreakGlassAction } from "./actions";

export const metadata: Metadata = { title: "Break glass" };

export default async function BreakGlassPage({ searchParams }: { searchParams: Promise<{ ended?: string }> }) {
  const actor = await requireActor();
  const { ended } = await searchParams;
  if (actor.breakGlass) {
    return (
      <>
        <h1>Break glass</h1>
        <Card testId="break-glass-active">
          <p>
            Break-glass is active: you hold administrator rights until <Timestamp at={actor.breakGlass.endsAt} />. End it from the
            banner as soon as the work is done; every action meanwhile is audited with this use, and compliance reviews it.
          </p>
        </Card>
      </>
    );
  }
  // Only ops may break glass (admin has the rights; compliance must not get them): others get the 403 page, audited.
  await requirePagePermission("breakglass.start", "breakglass.view");
  return (
    <>
      <h1>Break glass</h1>
      {ended && (
        <p role="status" className="muted" data-testid="break-glass-ended">
          Break-glass ended: your usual rights are back.
        </p>
      )}
      <Card title="Take administrator rights for a while">
        <p className="muted">
          For an emergency when no administrator can be reached: you get administrator rights for at most {BREAK_GLASS_MAX_MINUTES}{" "}
          minutes. The start and the end are recorded as high-severity audit events, every page shows a banner while it lasts, and
          compliance reviews each use.
        </p>
        <StartBreakGlassForm startAction={startBreakGlassAction} />
      </Card>
    </>
  );
}
