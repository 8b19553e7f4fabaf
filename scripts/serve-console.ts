/**
 * The console's HTTP server: Next.js behind a thin node:http layer that (1) sets the client
 * address header from the socket (or, behind a trusted proxy, X-Forwarded-For) so it cannot be spoofed, and (2) records every request in the
 * duration histogram by route template. Start-up migrates and bootstraps before listening.
 */
import { createServer } from "node:http";
import next from "next";
import { env } from "../lib/env";
import { consoleMetrics } from "../lib/metrics/registry";
import { methodLabel } from "../lib/metrics/route-template";
import { routeTemplateOf } from "../lib/metrics/route-of";
import { CLIENT_IP_HEADER, clientAddress, trustedProxies } from "../lib/http/client-ip";
import { ensureAuthSecret } from "../lib/startup/auth-secret";
import { describeAdmin, prepareConsole } from "../lib/startup/prepare-console";

async function main(): Promise<void> {
  const { PORT, HOSTNAME, VIGIL_DATA_DIR, DATABASE_URL, VIGIL_TRUST_PROXY } = env();
  const proxies = trustedProxies(VIGIL_TRUST_PROXY);
  ensureAuthSecret(VIGIL_DATA_DIR);
  const { applied, admin } = await prepareConsole();
  if (applied.length) console.log(`console: applied migrations ${applied.join(", ")}`);
  const adminNote = describeAdmin(admin);
  if (adminNote) console.log(adminNote);

  const app = next({ dev: false, hostname: HOSTNAME, port: PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  const { httpDuration } = consoleMetrics();

  const server = createServer((req, res) => {
    delete req.headers[CLIENT_IP_HEADER];
    req.headers[CLIENT_IP_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], proxies);
    const end = httpDuration.startTimer();
    res.on("finish", () => {
      end({ route: routeTemplateOf(req.url ?? "/"), method: methodLabel(req.method), status_code: String(res.statusCode) });
    });
    void handle(req, res);
  });
  server.listen(PORT, HOSTNAME, () => {
    const store = DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${VIGIL_DATA_DIR}/console`;
    console.log(`console: listening on http://${HOSTNAME}:${PORT} (data: ${store})`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(`console: failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
