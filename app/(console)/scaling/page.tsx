import { PlannedPage } from "@/components/layout/planned-page";

export const metadata = { title: "Scaling" };

export default function Page() {
  return <PlannedPage page="scaling" />;
}
