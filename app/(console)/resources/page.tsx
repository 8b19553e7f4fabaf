import { PlannedPage } from "@/components/layout/planned-page";

export const metadata = { title: "Resources" };

export default function Page() {
  return <PlannedPage page="resources" />;
}
