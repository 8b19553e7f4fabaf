import { describe, expect, it } from "vitest";
import { methodLabel, routeMatcherFromManifest } from "./route-template";

// Shaped like .next/routes-manifest.json.
const match = routeMatcherFromManifest({
  staticRoutes: [
    { page: "/", regex: "^/(?:/)?$" },
    { page: "/admin/users", regex: "^/admin/users(?:/)?$" },
  ],
  dynamicRoutes: [
    { page: "/load-tests/[id]", regex: "^/load\\-tests/([^/]+?)(?:/)?$" },
    { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
  ],
});

describe("route templates for metric labels", () => {
  it("keeps static routes as they are", () => {
    expect(match("/admin/users")).toBe("/admin/users");
    expect(match("/admin/users/")).toBe("/admin/users");
    expect(match("/")).toBe("/");
  });

  it("replaces ids with the template, so no identifier becomes a label", () => {
    expect(match("/load-tests/7f1c2d9e-0a4b-4c1e-9f00-123456789abc")).toBe("/load-tests/[id]");
    expect(match("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
  });

  it("collapses static assets and unknown paths to fixed values", () => {
    expect(match("/_next/static/chunks/abc123.js")).toBe("/_next/static/[asset]");
    expect(match("/patients/MRN-12345")).toBe("unmatched");
  });

  it("bounds the method label", () => {
    expect(methodLabel("GET")).toBe("GET");
    expect(methodLabel("PROPFIND")).toBe("other");
    expect(methodLabel(undefined)).toBe("other");
  });
});
