import type { Metadata } from "next";
import { requireActor } from "@/lib/services/auth/dal";
import { getInsight } from "@/lib/services/database/get-insight";
import { InsightSections } from "@/components/database/insight-sections";
import { OptimizeSection } from "@/components/database/optimize-section";
import { SuggestionsSection } from "@/components/database/suggestions-section";
import { PoolSection } from "@/components/database/pool-section";
import { updatePoolSettingsAction } from "./pool-actions";
import { adviseIndexesAction, applyIndexAction, indexBuildProgressAction, rollbackIndexAction } from "./index-actions";
import { confirmOptimizeAction, startOptimizeAction } from "./actions";

const indexActions = { advise: adviseIndexesAction, apply: applyIndexAction, rollback: rollbackIndexAction, buildProgress: indexBuildProgressAction };
const optimizeActions = { start: startOptimizeAction, confirm: confirmOptimizeAction };

export const metadata: Metadata = { title: "Database" };

export default async function DatabasePage() {
  const actor = await requireActor();
  const insight = await getInsight(actor);
  return (
    <>
      <h1>Database</h1>
      <InsightSections result={insight} />
      <SuggestionsSection actor={actor} actions={indexActions} />
      <OptimizeSection actor={actor} actions={optimizeActions} />
      <PoolSection action={updatePoolSettingsAction} />
    </>
  );
}
