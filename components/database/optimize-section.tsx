import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/roles";
import { latestOptimize } from "@/lib/services/database/optimize/get-optimize";
import { ACTIVE_STATUSES } from "@/lib/services/database/optimize/steps";
import { SCENARIO_NAMES } from "@/core/engines/loadgen/scenarios/built-in";
import { DEFAULT_OPTIMIZE_RUN_S, MIN_OPTIMIZE_RUN_S } from "@/lib/validations/optimize";
import { Card } from "@/components/ui/card";
import { OptimizeStartForm } from "./optimize-start-form";
import { OptimizeLive } from "./optimize-live";
import type { OptimizeActions } from "./database-actions";
import { clinicalCredentials, CREDENTIALS_MISSING } from "@/lib/services/load-tests/clinical-credentials";

/**
 * "Optimize": baseline run → insight → advice → an admin confirms → apply → the same run →
 * the regression verdict, with each query's measured mean before and after.
 */
export async function OptimizeSection({ actor, actions }: { actor: Actor; actions: OptimizeActions }) {
  const latest = await latestOptimize(actor);
  const active = latest && ACTIVE_STATUSES.includes(latest.status);
  const noCredentials = !clinicalCredentials();
  const disabledReason = !can(actor.role, "loadtest.run") ? `Your role (${actor.role}) may not run load tests.` : active ? "An Optimize flow is in progress." : noCredentials ? "The console has no clinical API credentials (see above)." : null;
  return (
    <Card title="Optimize and prove it" testId="optimize">
      <p className="muted">Runs a load test (the baseline), reads which queries took the time, asks the index advisor, waits for an administrator to confirm, applies the indexes, runs the same test again and gives the regression verdict.</p>
      {noCredentials && <p className="notice" data-testid="clinical-credentials-missing">{CREDENTIALS_MISSING}</p>}
      <OptimizeStartForm scenarios={SCENARIO_NAMES} minS={MIN_OPTIMIZE_RUN_S} defaultS={DEFAULT_OPTIMIZE_RUN_S} disabledReason={disabledReason} action={actions.start} />
      {latest && <OptimizeLive initial={latest} canApply={can(actor.role, "index.change")} role={actor.role} confirmAction={actions.confirm} />}
    </Card>
  );
}
