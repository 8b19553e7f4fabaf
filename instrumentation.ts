/** One-time server start-up: the console's metrics scrape loop and audit checkpoints (Node runtime only, never at build). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startScraper } = await import("./lib/services/monitoring/scraper");
  startScraper();
  const { startCheckpointer } = await import("./lib/services/audit/audit-anchors");
  startCheckpointer();
  const { startScaler } = await import("./lib/services/scaling/run-scaler");
  startScaler();
}
