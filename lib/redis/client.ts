import { Redis } from "ioredis";
import { env } from "../env";

// Fail fast: the defaults queue commands and retry for ~73 s when Redis is down; these
// options reject within ~75 ms so callers can fall back (see ../shared/stack-notes.md).
export const FAIL_FAST_REDIS_OPTIONS = {
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  commandTimeout: 500,
  connectTimeout: 1000,
  lazyConnect: true,
} as const;

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
