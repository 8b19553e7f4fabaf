import { PlannedPage } from "@/components/layout/planned-page";
import { PoolSection } from "@/components/database/pool-section";
import { updatePoolSettingsAction } from "./pool-actions";

export const metadata = { title: "Database" };

export default function Page() {
  return (
    <>
      <PlannedPage page="database" />
      <PoolSection action={updatePoolSettingsAction} />
    </>
  );
}
