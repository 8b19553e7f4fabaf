import Link from "next/link";

/** Says whether load tests count, with a link that switches (a search param, so it is shareable). */
export function TrafficSwitch({ includeSynthetic, basePath, params = {} }: { includeSynthetic: boolean; basePath: string; params?: Record<string, string> }) {
  const href = (traffic: string | null) => {
    const q = new URLSearchParams(params);
    if (traffic) q.set("traffic", traffic);
    else q.delete("traffic");
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  return (
    <p className="muted" data-testid="traffic-scope" data-include-synthetic={includeSynthetic ? "true" : "false"}>
      {includeSynthetic
        ? <>Including load-test traffic (requests marked <code>x-vigil-run</code>). <Link href={href(null)} data-testid="traffic-switch">Leave load tests out</Link></>
        : <>Real traffic only: load-test requests (marked <code>x-vigil-run</code>) are left out. <Link href={href("all")} data-testid="traffic-switch">Include load tests</Link></>}
    </p>
  );
}
