/** The benchmark target: a plain node:http server on loopback, in its own process. */
import { createServer } from "node:http";

const server = createServer((_req, res) => {
  res.setHeader("content-type", "text/plain");
  res.end("ok");
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.argv[2] ?? 4950), "127.0.0.1");
