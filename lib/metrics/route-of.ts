import { loadRouteMatcher, type RouteMatcher } from "./route-template";

let matcher: RouteMatcher | undefined;

/** The route template for a path, from the build's routes manifest (loaded once). */
export function routeTemplateOf(path: string): string {
  matcher ??= loadRouteMatcher();
  return matcher(path.split("?")[0]!);
}
