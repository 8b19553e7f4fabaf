import { PlannedPage } from "@/components/layout/planned-page";

export const metadata = { title: "Load tests" };

export default function Page() {
  return <PlannedPage page="load-tests" />;
}
