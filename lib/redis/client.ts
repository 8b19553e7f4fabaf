import { Redis } from "ioredis";
import { env } from "../env";
import { FAIL_FAST_REDIS_OPTIONS } from "@/core/redis/fail-fast";

export { redisStatus, type RedisStatus } from "@/core/redis/status";


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
