import type { Bundle, BundleLink, FhirResource } from "fhir/r4";

export interface Page {
  count: number;
  offset: number;
}

/**
 * self, next and previous links. They carry the validated search parameters back, so
 * following `next` repeats the same search one page further.
 */
function searchLinks(baseUrl: string, path: string, params: URLSearchParams, page: Page, total: number, shown: number): BundleLink[] {
  const link = (offset: number) => {
    const q = new URLSearchParams(params);
    q.set("_count", String(page.count));
    q.set("_offset", String(offset));
    return `${baseUrl}${path}?${q}`;
  };
  const links: BundleLink[] = [{ relation: "self", url: link(page.offset) }];
  if (page.offset + shown < total) links.push({ relation: "next", url: link(page.offset + page.count) });
  if (page.offset > 0) links.push({ relation: "previous", url: link(Math.max(0, page.offset - page.count)) });
  return links;
}

/** A searchset Bundle with total and self/next/previous links. */
export function searchset<T extends FhirResource>(
  baseUrl: string,
  path: string,
  params: URLSearchParams,
  page: Page,
  total: number,
  resources: T[],
): Bundle<T> {
  return {
    resourceType: "Bundle",
    type: "searchset",
    total,
    link: searchLinks(baseUrl, path, params, page, total, resources.length),
    entry: resources.map((resource) => ({ fullUrl: `${baseUrl}/fhir/${resource.resourceType}/${resource.id}`, resource, search: { mode: "match" } })),
  };
}

/** One entry of a Bundle written as text: the resource's JSON and what its fullUrl needs. */
export interface JsonEntry {
  resourceType: string;
  id: string;
  json: string;
}

/**
 * The JSON text of `searchset(…)` over resources already written as JSON, byte for byte what
 * `JSON.stringify` gives for the Bundle object (clinical/test/observation-json.test.ts).
 */
export function searchsetJson(baseUrl: string, path: string, params: URLSearchParams, page: Page, total: number, entries: JsonEntry[]): string {
  const links = JSON.stringify(searchLinks(baseUrl, path, params, page, total, entries.length));
  const body = entries.map((e) => `{"fullUrl":${JSON.stringify(`${baseUrl}/fhir/${e.resourceType}/${e.id}`)},"resource":${e.json},"search":{"mode":"match"}}`);
  return `{"resourceType":"Bundle","type":"searchset","total":${JSON.stringify(total)},"link":${links},"entry":[${body.join(",")}]}`;
}
