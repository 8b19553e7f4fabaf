import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { testRedisUrl } from "../../test/support/services";
import { loadHospital } from "../src/seed/load-hospital";
import { deployment, hasRedis, metric, patients, redisDump, type cacheApp } from "./cache-support";
import { FIXTURE } from "./fixture";
import { useClinicalDb } from "./support";

const run = hasRedis();

describe.runIf(run)("cache isolation and encryption", () => {
  const ctx = useClinicalDb("pglite");
  const all = patients();
  let d: ReturnType<typeof deployment>;
  let a: Awaited<ReturnType<typeof cacheApp>>;
  let b: Awaited<ReturnType<typeof cacheApp>>;
  beforeAll(async () => {
    await loadHospital(ctx.db, FIXTURE);
    // Two instances over one Redis: answers come from L1, L2 and the database, interleaved.
    d = deployment(ctx.db);
    [a, b] = [await d.join(), await d.join()];
  });
  afterAll(() => d?.close());

  it("answers hundreds of concurrent requests for many patients, each with the patient asked for", async () => {
    const some = all.slice(0, 120);
    const c = await d.join(); // joins later: its reads come from L2
    const round = (apps: typeof a.app[]) =>
      Promise.all(Array.from({ length: 600 }, (_, i) => {
        const p = some[(i * 7) % some.length]!;
        const kind = i % 3;
        const url = kind === 0 ? `/fhir/Patient/${p.id}` : `/fhir/Observation?patient=${p.id}&category=${kind === 1 ? "vital-signs" : "laboratory"}&_count=5`;
        return apps[Math.floor(i / 3) % apps.length]!.inject({ method: "GET", url }).then((res) => ({ res, p, kind }));
      }));
    const answers = [...(await round([a.app, b.app])), ...(await round([a.app, b.app, c.app]))];
    for (const { res, p, kind } of answers) {
      expect(res.statusCode).toBe(200);
      const body = res.json();
      if (kind === 0) {
        expect(body.id).toBe(p.id);
        expect(body.identifier[0].value).toBe(p.mrn);
      } else {
        for (const e of body.entry ?? []) expect(e.resource.subject.reference).toBe(`Patient/${p.id}`);
        expect(body.link[0].url).toContain(`patient=${p.id}`);
      }
    }
    expect(await metric(c.app, "clinical_cache_hits_total", { tier: "l2", data_class: "patient-demographics" })).toBeGreaterThan(0);
    expect(await metric(a.app, "clinical_cache_hits_total", { tier: "l1", data_class: "vital-signs" })).toBeGreaterThan(0);
  }, 120_000); // 1,200 requests through three instances and Redis: seconds alone, longer on a loaded CI machine

  it("stores no patient name, MRN or id in Redis, in values or key names", async () => {
    const dump = await redisDump(testRedisUrl()!, d.prefix);
    expect(dump.size).toBeGreaterThan(100);
    const secrets = all.slice(0, 120).flatMap((p) => [p.id, p.mrn, p.family, p.given]);
    for (const [k, v] of dump) {
      expect(v).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
      // The body decoded, so plaintext stored as base64 would show; a short given name can turn
      // up by chance in the base64 text of random ciphertext (seen once), never in its bytes.
      const body = Buffer.from(v.split(".")[3]!, "base64url").toString("latin1");
      // Key names hold HMAC pseudonyms (base64url): a name must not be one of their segments.
      const segments = k.split(":");
      for (const s of secrets) {
        expect(body).not.toContain(s);
        expect(segments).not.toContain(s);
        if (s.length >= 8) expect(k).not.toContain(s); // ids and MRNs: never a chance match
      }
      expect(body).not.toMatch(/Patient|Observation|resourceType/);
    }
  });

  it("never returns an entry stored under another key (ciphertexts swapped in Redis) or a tampered one", async () => {
    const url = testRedisUrl()!;
    const entries = [...(await redisDump(url, `${d.prefix}:e`))];
    const r = new Redis(url);
    for (let i = 0; i < entries.length; i++) await r.set(entries[i]![0], entries[(i + 1) % entries.length]![1], "KEEPTTL");
    const [firstKey, firstValue] = entries[0]!;
    await r.set(firstKey, `${firstValue.slice(0, -4)}AAAA`, "KEEPTTL");
    r.disconnect();
    const fresh = await d.join(); // empty L1: every read goes to L2
    for (const p of all.slice(0, 120)) {
      const res = await fresh.app.inject({ method: "GET", url: `/fhir/Patient/${p.id}` });
      expect(res.statusCode).toBe(200);
      expect(res.json().id).toBe(p.id);
    }
    expect(fresh.log.text()).toContain("failed its key check");
  });
});
