import { Redis } from "ioredis";
import { env } from "../env";
import { FAIL_FAST_REDIS_OPTIONS } from "./fail-fast";


const KEY = Symbol.for("vigil.consoleRedis");
type Holder = { [KEY]?: Redis | null };

/** The console's Redis client, or null when REDIS_URL is not configured. */
export function redis(): Redis | null {
  const holder = globalThis as Holder;
  if (holder[KEY] !== undefined) return holder[KEY];
  const url = env().REDIS_URL;
  if (!url) return (holder[KEY] = null);
  const client = new Redis(url, FAIL_FAST_REDIS_OPTIONS);
  // Connection errors surface through the commands that fail; do not crash the process.
  client.on("error", () => {});
  return (holder[KEY] = client);
}

export type RedisStatus = "up" | "down" | "not-configured";

export async function redisStatus(client: Redis | null): Promise<RedisStatus> {
  if (!client) return "not-configured";
  try {
    if (client.status === "wait" || client.status === "end") await client.connect().catch(() => {});
    return (await client.ping()) === "PONG" ? "up" : "down";
  } catch {
    return "down";
  }
}
