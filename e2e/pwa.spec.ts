import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, expect, test } from "@playwright/test";
import { LAUNCH } from "./support/browser";
import { E2E } from "./support/config";
import { LoginPage } from "./pages/login-page";
import { UsersPage } from "./pages/users-page";
import { cacheContents, waitForServiceWorker } from "./pages/device";

test.describe("offline-capable console", () => {
  test("the service worker activates and precaches the offline page and hashed chunks", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    await waitForServiceWorker(page);
    const state = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
    expect(state).toBe("activated");
    const urls = (await cacheContents(page)).map((e) => new URL(e.url).pathname);
    expect(urls.some((u) => u.startsWith("/offline"))).toBe(true);
    expect(urls.filter((u) => u.startsWith("/_next/static/")).length).toBeGreaterThan(5);
  });

  test("offline, visited pages reload from their saved copy with its time; unvisited ones show the offline page", async ({ page, context }) => {
    await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    await waitForServiceWorker(page);
    await page.reload(); // now through the service worker, which keeps a copy
    await page.goto("/load-tests");
    await page.goto("/");
    const asOf = await page.getByTestId("rendered-at").locator("time").getAttribute("datetime");

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId("offline-banner")).toBeVisible();
    await expect(page.getByTestId("as-of")).toBeVisible();
    await expect(page.getByTestId("rendered-at").locator("time")).toHaveAttribute("datetime", asOf!);
    await page.goto("/load-tests");
    await expect(page.getByRole("heading", { name: "Load tests" })).toBeVisible();
    await expect(page.getByTestId("offline-banner")).toContainText("saved");
    await page.goto("/scaling");
    await expect(page.getByTestId("offline-page")).toBeVisible();
    await page.goto("/admin/audit");
    await expect(page.getByTestId("offline-page")).toBeVisible();
    await expect(page.getByTestId("sign-out")).toHaveCount(0);
    await context.setOffline(false);
  });

  test("a page reached by tapping the menu is readable offline with its time, and so is tapping the menu offline", async ({ page, context }) => {
    test.setTimeout(120_000);
    await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    await waitForServiceWorker(page);
    const nav = page.getByTestId("main-nav");
    await nav.getByRole("link", { name: "Load tests", exact: true }).click();
    await expect(page).toHaveURL(/\/load-tests$/);
    await nav.getByRole("link", { name: "Monitoring", exact: true }).click();
    await expect(page).toHaveURL(/\/monitoring$/);
    const kept = async () => (await cacheContents(page)).filter((e) => e.cache.includes("vigil-pages")).map((e) => new URL(e.url).pathname);
    await expect.poll(kept, { timeout: 15_000 }).toEqual(expect.arrayContaining(["/load-tests", "/monitoring"]));

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Monitoring", level: 1 })).toBeVisible();
    await expect(page.getByTestId("offline-banner")).toContainText("saved");
    await expect(page.getByTestId("rendered-at").locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    await nav.getByRole("link", { name: "Load tests", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Load tests", level: 1 })).toBeVisible({ timeout: 20_000 });
    // The banner appears once the saved page has hydrated from precached chunks (slow on a loaded machine).
    await expect(page.getByTestId("offline-banner")).toContainText("saved", { timeout: 20_000 });
    await context.setOffline(false);
  });

  test("offline sign-out clears the device at once and ends the server session when the network returns", async ({ page, context, browser }) => {
    test.setTimeout(120_000);
    await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
    await waitForServiceWorker(page);
    await page.goto("/load-tests");
    await page.evaluate(async () => {
      localStorage.setItem("e2e-probe", "1");
      sessionStorage.setItem("e2e-probe", "1");
      await new Promise<void>((resolve) => { const req = indexedDB.open("e2e-probe"); req.onsuccess = () => { req.result.close(); resolve(); }; });
    });
    const signedIn = await context.storageState();
    const sameDevice = await browser.newContext({ storageState: signedIn });
    const status = async () => (await sameDevice.request.get("/load-tests", { maxRedirects: 0 })).status();

    await context.setOffline(true);
    await page.getByTestId("sign-out").click();
    await expect(page.getByTestId("signed-out")).toBeVisible();
    await expect(page.getByTestId("revocation-pending")).toBeVisible();
    const left = await cacheContents(page);
    expect(left.map((e) => e.cache)).toEqual(["vigil-signed-out"]);
    expect(left[0]!.body).not.toMatch(/@(e2e|vigil)\.local|Operations/i);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
    await page.goto("/load-tests");
    await expect(page.getByTestId("signed-out")).toBeVisible();
    // Until the network returns, the server has not heard of it: the session is still live.
    expect(await status()).toBe(200);

    await context.setOffline(false);
    await expect(page.getByTestId("revocation-status")).toHaveAttribute("data-state", "revoked", { timeout: 15_000 });
    expect(await status()).not.toBe(200);
    expect((await sameDevice.request.get("/load-tests", { maxRedirects: 0 })).headers().location).toMatch(/\/login/);
    await sameDevice.close();
  });

  test("offline, actions are disabled with a reason and typed input is kept", async ({ page, context }) => {
    await new LoginPage(page).signInAs(E2E.adminEmail, E2E.adminPassword);
    const users = new UsersPage(page);
    await users.goto();
    await context.setOffline(true);
    await page.getByTestId("new-user-email").fill("typed-offline@e2e.local");
    await page.getByTestId("new-user-name").fill("Typed Offline");
    await expect(page.getByTestId("create-user-submit")).toBeDisabled();
    await expect(page.getByTestId("offline-action-note").first()).toContainText("needs the network");
    // Sign-out works offline (it clears the device): a shared tablet must be able to sign out.
    await expect(page.getByTestId("sign-out")).toBeEnabled();
    await context.setOffline(false);
    await expect(page.getByTestId("create-user-submit")).toBeEnabled();
    await expect(page.getByTestId("new-user-email")).toHaveValue("typed-offline@e2e.local");
    await expect(page.getByTestId("new-user-name")).toHaveValue("Typed Offline");
  });

  test("caches hold no personal data, and sign-out empties them", async ({ page }) => {
    await new LoginPage(page).signInAs(E2E.adminEmail, E2E.adminPassword);
    await waitForServiceWorker(page);
    for (const path of ["/", "/load-tests", "/monitoring", "/admin/users", "/admin/audit", "/database"]) await page.goto(path);
    const entries = await cacheContents(page);
    expect(entries.some((e) => e.cache.includes("vigil-pages"))).toBe(true);
    for (const e of entries) {
      const url = new URL(e.url);
      expect(url.origin).toBe(new URL(page.url()).origin);
      expect(url.pathname).not.toMatch(/^\/(admin|api|login|fhir)/);
      // Accounts' emails appear on admin pages only, which are never stored.
      expect(e.body).not.toMatch(/@(e2e|vigil)\.local/);
    }
    await page.getByTestId("sign-out").click();
    await expect(page.getByTestId("signed-out")).toBeVisible();
    expect((await page.request.get("/signed-out")).headers()["clear-site-data"]).toBe('"cache", "storage"');
    const after = await cacheContents(page);
    expect(after.filter((e) => e.cache.includes("vigil-pages"))).toEqual([]);
    expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
  });

  test("the console is installable (Chromium's own installability check)", async ({ baseURL }) => {
    // Browsers never offer installation in incognito contexts: use a real profile folder.
    const profile = mkdtempSync(join(tmpdir(), "vigil-pwa-"));
    const context = await chromium.launchPersistentContext(profile, { ...LAUNCH, baseURL });
    try {
      const page = await context.newPage();
      await new LoginPage(page).signInAs(E2E.users.ops.email, E2E.users.ops.password);
      await waitForServiceWorker(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
      expect(installabilityErrors).toEqual([]);
      const manifest = await (await page.request.get("/manifest.webmanifest")).json();
      expect(manifest).toMatchObject({ display: "standalone", start_url: "/", short_name: "Vigil" });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
