import type { Redis } from "ioredis";

export type RedisStatus = "up" | "down" | "not-configured";

/** How long a health check waits for a client that is still connecting. */
const READY_WAIT_MS = 500;

function ready(client: Redis): Promise<void> {
  if (client.status === "ready") return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error("not ready")), READY_WAIT_MS);
    const onReady = () => done();
    const done = (err?: Error) => {
      clearTimeout(timer);
      client.off("ready", onReady);
      if (err) reject(err);
      else resolve();
    };
    client.on("ready", onReady);
  });
}

/**
 * One PING through a fail-fast client; shared by the console's and the clinical service's health.
 * A client still connecting (a fresh process, or Redis just back) gets half a second to be ready:
 * fail-fast clients have no offline queue, so a PING sent before then fails although Redis is up.
 */
export async function redisStatus(client: Redis | null): Promise<RedisStatus> {
  if (!client) return "not-configured";
  try {
    if (client.status === "wait" || client.status === "end") await client.connect().catch(() => {});
    await ready(client);
    return (await client.ping()) === "PONG" ? "up" : "down";
  } catch {
    return "down";
  }
}
