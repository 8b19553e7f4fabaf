import { requireActor } from "@/lib/auth/dal";
import { ComingSoon } from "@/components/ui/coming-soon";
import { PLANNED_PAGES, type PlannedPage as Key } from "./planned-pages";

export async function PlannedPage({ page }: { page: Key }) {
  await requireActor();
  const p = PLANNED_PAGES[page];
  return <ComingSoon title={p.title} summary={p.summary} items={[...p.items]} />;
}
