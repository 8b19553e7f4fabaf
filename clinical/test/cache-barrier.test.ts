import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testRedisUrl } from "../../test/support/services";
import { WriteBarrier } from "../src/cache/write-barrier";
import { hasRedis, newPrefix, sleep } from "./cache-support";

const run = hasRedis();

describe.runIf(run)("write barrier over Redis pub/sub", () => {
  const prefix = newPrefix();
  const clients: Redis[] = [];
  const connect = async () => {
    const c = new Redis(testRedisUrl()!);
    clients.push(c);
    await c.ping();
    return c;
  };
  /** One instance: a publisher and a subscriber, the subscriber also hearing the bus channel. */
  const instance = async (heard: string[]) => {
    const [pub, sub] = [await connect(), await connect()];
    sub.on("message", (channel: string, msg: string) => channel === `${prefix}:bus` && heard.push(msg));
    await sub.subscribe(`${prefix}:bus`);
    const barrier = new WriteBarrier(pub, sub, prefix);
    await sleep(50); // the barrier's own subscription
    return { pub, barrier };
  };

  let writer: Awaited<ReturnType<typeof instance>>;
  const heardByOther: string[] = [];
  const snapshots: string[][] = [];

  beforeAll(async () => {
    writer = await instance([]);
    const other = await instance(heardByOther);
    // What the other instance had handled at the moment it acknowledged a barrier.
    const realPublish = other.pub.publish.bind(other.pub);
    other.pub.publish = ((channel: string, msg: string) => {
      if (channel.includes("cache-barrier-ack")) snapshots.push([...heardByOther]);
      return realPublish(channel, msg);
    }) as typeof other.pub.publish;
  });
  afterAll(() => clients.forEach((c) => c.disconnect()));

  it("returns once every other instance has handled the messages published before it", async () => {
    await writer.pub.publish(`${prefix}:bus`, "invalidate patient A");
    expect(await writer.barrier.wait()).toBe(true);
    expect(snapshots.at(-1)).toContain("invalidate patient A");
  });

  it("reports false when an instance subscribed to the barrier never confirms", async () => {
    const silent = await connect();
    await silent.subscribe(`${prefix}:cache-barrier`); // hears barriers, never acknowledges
    const started = Date.now();
    expect(await writer.barrier.wait(200)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    await silent.unsubscribe();
    expect(await writer.barrier.wait()).toBe(true);
  });

  it("reports false at once when Redis refuses the publish", async () => {
    const dead = new Redis(testRedisUrl()!, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    dead.on("error", () => {});
    const barrier = new WriteBarrier(dead, await connect(), newPrefix());
    expect(await barrier.wait(5000)).toBe(false);
    dead.disconnect();
  });
});
