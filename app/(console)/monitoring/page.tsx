import { PlannedPage } from "@/components/layout/planned-page";

export const metadata = { title: "Monitoring" };

export default function Page() {
  return <PlannedPage page="monitoring" />;
}
