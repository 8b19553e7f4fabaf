import { PlannedPage } from "@/components/layout/planned-page";

export const metadata = { title: "Database" };

export default function Page() {
  return <PlannedPage page="database" />;
}
