import { PlannedPage } from "@/components/layout/planned-page";

export const metadata = { title: "Caching" };

export default function Page() {
  return <PlannedPage page="caching" />;
}
