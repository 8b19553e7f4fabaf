import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { eventHash, GENESIS_HASH, type ChainedEvent } from "../../lib/audit/canonical";

/**
 * Appends `n` properly chained audit events with COPY (the app would take minutes to write
 * 100,000 one by one). Used only to give the audit list a long trail to scroll.
 */
export async function appendAuditEvents(url: string, n: number): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query("BEGIN");
  await c.query('LOCK TABLE "audit_events" IN SHARE ROW EXCLUSIVE MODE');
  const last = await c.query<{ hash: string }>("SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1");
  let prev = last.rows[0]?.hash ?? GENESIS_HASH;
  const lines: string[] = [];
  const start = Date.now() - n * 1000;
  for (let i = 0; i < n; i++) {
    const e: ChainedEvent = {
      at: new Date(start + i * 1000), actorId: null, actor: "bulk@e2e.local", actorRole: "ops", action: "bulk.fill",
      target: `item-${i}`, sourceIp: "127.0.0.1", outcome: "success", before: null, after: { i },
    };
    const hash = eventHash(prev, e);
    lines.push([e.at.toISOString(), "\\N", e.actor, e.actorRole, e.action, e.target, e.sourceIp, e.outcome, "\\N", JSON.stringify(e.after), prev, hash].join("\t"));
    prev = hash;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = c.query(copyFrom('COPY audit_events ("at", actor_id, actor, actor_role, action, target, source_ip, outcome, before, after, prev_hash, hash) FROM STDIN'));
    stream.on("finish", resolve).on("error", reject);
    stream.end(lines.join("\n") + "\n");
  });
  await c.query("COMMIT");
  await c.end();
}
