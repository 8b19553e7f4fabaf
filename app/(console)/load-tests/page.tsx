import type { Metadata } from "next";
import { requireActor } from "@/lib/services/auth/dal";
import { can } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { listRuns } from "@/lib/services/load-tests/list-runs";
import { BUILT_IN_SCENARIOS } from "@/core/engines/loadgen/scenarios/built-in";
import { scenarioDurationS } from "@/core/engines/loadgen/run-scenario";
import { scenarioEndpoints } from "@/core/engines/loadgen/threshold-scopes";
import { StartRunForm } from "@/components/load-tests/start-run-form";
import { RunList } from "@/components/load-tests/run-list";
import { Card } from "@/components/ui/card";
import { startRunAction } from "./actions";
import { clinicalCredentials, CREDENTIALS_MISSING } from "@/lib/services/load-tests/clinical-credentials";

export const metadata: Metadata = { title: "Load tests" };

type Search = { scenario?: string; status?: string };

export default async function LoadTestsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const filter = await searchParams;
  // An invalid filter in the URL shows no runs rather than an error page.
  const runs = await listRuns(actor, { scenario: filter.scenario ?? "", status: filter.status ?? "" }).catch((err) => {
    if (err instanceof AppError && err.code === "INVALID_INPUT") return [];
    throw err;
  });
  const scenarios = Object.values(BUILT_IN_SCENARIOS).map((s) => ({
    name: s.name, title: s.title, description: s.description,
    defaultDurationS: s.profile.kind === "stress" ? null : scenarioDurationS(s), endpoints: scenarioEndpoints(s),
  }));
  return (
    <>
      <h1>Load tests</h1>
      {can(actor.role, "loadtest.run") && (
        <Card title="Start a run">
          {!clinicalCredentials() && <p className="notice" data-testid="clinical-credentials-missing">{CREDENTIALS_MISSING}</p>}
          <StartRunForm scenarios={scenarios} defaultTarget={env().CLINICAL_URL} action={startRunAction} />
        </Card>
      )}
      <Card title="Runs">
        <form method="get" className="grid" data-testid="run-filters">
          <label>
            Scenario
            <select name="scenario" defaultValue={filter.scenario ?? ""}>
              <option value="">Any</option>
              {scenarios.map((s) => <option key={s.name} value={s.name}>{s.name}</option>)}
            </select>
          </label>
          <label>
            Status
            <select name="status" defaultValue={filter.status ?? ""}>
              <option value="">Any</option>
              {["running", "passed", "failed", "invalid", "cancelled", "aborted"].map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </label>
          <div className="form-submit"><button type="submit" className="secondary">Filter</button></div>
        </form>
        <RunList runs={runs} />
      </Card>
    </>
  );
}
