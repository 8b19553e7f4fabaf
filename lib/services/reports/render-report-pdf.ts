import "server-only";

/** Debian's Chromium, the one the end-to-end tests drive (never a downloaded browser). */
const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Chromium stamps the render time into the PDF; the report's own asOf goes there instead, so one pinned report renders to the same bytes every time. */
function pinDates(pdf: Buffer, asOf: Date): Buffer {
  const stamp = `D:${asOf.toISOString().replace(/[-:T]/g, "").slice(0, 14)}+00'00'`;
  const text = pdf.toString("latin1").replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, (m, key: string) => {
    const next = `/${key} (${stamp})`;
    // Same length or the cross-reference offsets would break; otherwise leave it.
    return next.length === m.length ? next : m;
  });
  return Buffer.from(text, "latin1");
}

/**
 * Renders the printable report page (the same HTML a person prints) to PDF in headless Chromium,
 * as the signed-in user: the page authorizes the forwarded session itself.
 */
export async function renderReportPdf(printUrl: string, cookie: string, asOf: Date): Promise<Buffer> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const context = await browser.newContext({ extraHTTPHeaders: { cookie } });
    const page = await context.newPage();
    const res = await page.goto(printUrl, { waitUntil: "load", timeout: 30_000 });
    if (!res || !res.ok()) throw new Error(`the printable report answered ${res?.status() ?? "nothing"}`);
    // A session the page did not accept ends on the sign-in page: never print that as the report.
    if ((await page.getByTestId("print-report").count()) !== 1) throw new Error(`the printable report did not render (ended at ${new URL(page.url()).pathname})`);
    const pdf = await page.pdf({ format: "A4", printBackground: true, margin: { top: "12mm", bottom: "12mm", left: "10mm", right: "10mm" } });
    return pinDates(pdf, asOf);
  } finally {
    await browser.close();
  }
}
