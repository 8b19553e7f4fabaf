import type { Bundle, FhirResource } from "fhir/r4";

export interface Page {
  count: number;
  offset: number;
}

/**
 * A searchset Bundle with total and self/next/previous links. Links carry the validated
 * search parameters back, so following `next` repeats the same search one page further.
 */
export function searchset<T extends FhirResource>(
  baseUrl: string,
  path: string,
  params: URLSearchParams,
  page: Page,
  total: number,
  resources: T[],
): Bundle<T> {
  const link = (offset: number) => {
    const q = new URLSearchParams(params);
    q.set("_count", String(page.count));
    q.set("_offset", String(offset));
    return `${baseUrl}${path}?${q}`;
  };
  const links: Bundle["link"] = [{ relation: "self", url: link(page.offset) }];
  if (page.offset + resources.length < total) links.push({ relation: "next", url: link(page.offset + page.count) });
  if (page.offset > 0) links.push({ relation: "previous", url: link(Math.max(0, page.offset - page.count)) });
  return {
    resourceType: "Bundle",
    type: "searchset",
    total,
    link: links,
    entry: resources.map((resource) => ({ fullUrl: `${baseUrl}/fhir/${resource.resourceType}/${resource.id}`, resource, search: { mode: "match" } })),
  };
}
