import { expect, test, type Page } from "@playwright/test";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";

const cspErrors = (page: Page) => {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
};

test.describe("content security policy", () => {
  test("every console page carries a fresh nonce policy, its own scripts run, and injected inline code does not", async ({ page }) => {
    const errors = cspErrors(page);
    const login = await page.goto("/login");
    const loginCsp = login!.headers()["content-security-policy"] ?? "";
    expect(loginCsp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    await new LoginPage(page).signInAs(E2E.adminEmail, E2E.adminPassword);

    const nonces = new Set<string>();
    for (const path of ["/", "/load-tests", "/resources", "/scaling", "/admin/users"]) {
      const res = await page.goto(path);
      const csp = res!.headers()["content-security-policy"] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, path).toBeTruthy();
      expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      nonces.add(nonce!);
      // Every script tag Next rendered into the HTML carries this response's nonce. (Chunks its
      // runtime adds later are trusted through 'strict-dynamic'; a refusal would show in `errors`.)
      const tags = (await res!.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length, path).toBeGreaterThan(0);
      expect(tags.filter((t) => !t.includes(`nonce="${nonce}"`)), path).toEqual([]);
      await expect(page.locator("h1").first()).toBeVisible();
    }
    expect(nonces.size).toBe(5);

    // The console's own client code runs under this policy in every other spec (forms, charts, live
    // runs). An injected inline handler is refused by the browser and reported.
    await page.evaluate(() => {
      const box = document.createElement("div");
      box.innerHTML = '<img src="/nope.png" onerror="window.__injected = true">';
      document.body.append(box);
    });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(errors.some((e) => /inline event handler|script-src/i.test(e))).toBe(true);
    expect(errors.filter((e) => !/inline event handler/i.test(e)), "no policy error from the console's own code").toEqual([]);
  });

  test("the prerendered offline page has its static policy (no nonce possible) and still forbids framing", async ({ request }) => {
    const res = await request.get("/offline");
    const csp = res.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
});
