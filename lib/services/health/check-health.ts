import "server-only";
import { db } from "../../db/prisma";
import { env } from "../../env";
import { redis, redisStatus, type RedisStatus } from "../../redis/client";

export interface ConsoleHealth {
  status: "ok" | "degraded";
  database: { kind: "postgresql" | "pglite"; status: "up" | "down" };
  redis: RedisStatus;
}

export async function checkConsoleHealth(): Promise<ConsoleHealth> {
  const kind = env().DATABASE_URL ? "postgresql" : "pglite";
  let database: "up" | "down" = "down";
  try {
    await (await db()).$queryRaw`SELECT 1`;
    database = "up";
  } catch {
    database = "down";
  }
  const r = await redisStatus(redis());
  return { status: database === "up" && r !== "down" ? "ok" : "degraded", database: { kind, status: database }, redis: r };
}
