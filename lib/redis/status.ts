import type { Redis } from "ioredis";

export type RedisStatus = "up" | "down" | "not-configured";

/** One PING through a fail-fast client; shared by the console's and the clinical service's health. */
export async function redisStatus(client: Redis | null): Promise<RedisStatus> {
  if (!client) return "not-configured";
  try {
    if (client.status === "wait" || client.status === "end") await client.connect().catch(() => {});
    return (await client.ping()) === "PONG" ? "up" : "down";
  } catch {
    return "down";
  }
}
