/**
 * Where sign-out lands: tells the browser to drop everything this origin stored (service-worker
 * caches, IndexedDB, local/session storage) before showing the sign-in page.
 * Public by design: it reveals nothing and only clears the caller's own browser.
 */
export function GET(request: Request): Response {
  return new Response(null, {
    status: 303,
    headers: {
      Location: new URL("/login", request.url).toString(),
      "Clear-Site-Data": '"cache", "storage"',
      "Cache-Control": "no-store",
    },
  });
}
