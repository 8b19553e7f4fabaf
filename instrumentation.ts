/** One-time server start-up: the console's metrics scrape loop, audit checkpoints, the scaler, and recovery of database work a previous process left running (Node runtime only, never at build). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startScraper } = await import("./lib/services/monitoring/scraper");
  startScraper();
  const { startCheckpointer } = await import("./lib/services/audit/audit-anchors");
  startCheckpointer();
  const { startScaler } = await import("./lib/services/scaling/run-scaler");
  startScaler();
  const { recoverInterruptedWork } = await import("./lib/services/database/recovery/recover-interrupted");
  await recoverInterruptedWork().catch((err) => console.error(`console: recovering interrupted database work failed: ${err instanceof Error ? err.message : String(err)}`));
}
