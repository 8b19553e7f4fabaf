import type { ChainedEvent } from "./canonical";

/** An audit row as the export carries it: the hashed fields plus its place in the chain. */
export interface ExportedRow extends ChainedEvent {
  seq: string;
  prevHash: string;
  hash: string;
}

export const VIGIL_SYSTEM = "https://vigil.local/fhir";
const CHAIN_EXT = `${VIGIL_SYSTEM}/StructureDefinition/audit-chain`;
const DCM = "http://dicom.nema.org/resources/ontology/DCM";

/** DICOM audit event types (the codes FHIR's AuditEvent.type binds to) by action family. */
function eventType(action: string) {
  if (action.startsWith("auth.") || action.startsWith("session.")) return { system: DCM, code: "110114", display: "User Authentication" };
  if (action === "access.denied") return { system: DCM, code: "110113", display: "Security Alert" };
  return { system: DCM, code: "110100", display: "Application Activity" };
}

/** FHIR's C/R/U/D/E from the verb of `entity.verb`. */
function crude(action: string): "C" | "R" | "U" | "D" | "E" {
  const verb = action.split(".").at(-1) ?? "";
  if (/^(create|add|promote|apply|start)/.test(verb)) return "C";
  if (/^(delete|remove|rollback|invalidate|revoke)/.test(verb)) return "D";
  if (/^(change|update|set|disable|enable|edit)/.test(verb)) return "U";
  return "E";
}

/**
 * One audit row as a FHIR R4 AuditEvent. Faithful: every hashed field is in the resource, so
 * an offline verifier can recompute the row's hash from the export alone. before/after travel
 * as the exact JSON text (entity.detail valueString).
 */
export function toAuditEvent(row: ExportedRow) {
  return {
    resourceType: "AuditEvent",
    id: `vigil-audit-${row.seq}`,
    extension: [
      { url: CHAIN_EXT, extension: [
        { url: "seq", valueString: row.seq },
        { url: "prevHash", valueString: row.prevHash },
        { url: "hash", valueString: row.hash },
      ] },
    ],
    type: eventType(row.action),
    subtype: [{ system: `${VIGIL_SYSTEM}/audit-action`, code: row.action }],
    action: crude(row.action),
    recorded: row.at.toISOString(),
    outcome: row.outcome === "success" ? "0" : "4",
    outcomeDesc: row.outcome,
    agent: [{
      who: { identifier: { system: `${VIGIL_SYSTEM}/user`, value: row.actorId ?? row.actor }, display: row.actor },
      ...(row.actorRole ? { role: [{ text: row.actorRole }] } : {}),
      requestor: true,
      ...(row.sourceIp ? { network: { address: row.sourceIp, type: "2" } } : {}),
    }],
    source: { observer: { display: "Vigil console" }, type: [{ system: "http://terminology.hl7.org/CodeSystem/security-source-type", code: "4", display: "Application Server" }] },
    entity: [{
      ...(row.target !== null ? { what: { display: row.target } } : {}),
      detail: [
        { type: "before", valueString: JSON.stringify(row.before ?? null) },
        { type: "after", valueString: JSON.stringify(row.after ?? null) },
      ],
    }],
  };
}

export type AuditEventResource = ReturnType<typeof toAuditEvent>;

/** The row back from its AuditEvent (for verification); throws on a resource that is not one of ours. */
export function fromAuditEvent(r: AuditEventResource): ExportedRow {
  const chain = r.extension?.find((e) => e.url === CHAIN_EXT)?.extension ?? [];
  const ext = (name: string) => {
    const v = chain.find((e) => e.url === name)?.valueString;
    if (typeof v !== "string") throw new Error(`missing ${name}`);
    return v;
  };
  const agent = r.agent?.[0];
  const detail = (type: string) => JSON.parse(r.entity?.[0]?.detail?.find((d) => d.type === type)?.valueString ?? "null") as unknown;
  if (r.resourceType !== "AuditEvent" || !agent) throw new Error("not a Vigil AuditEvent");
  const who = agent.who.identifier.value;
  return {
    seq: ext("seq"),
    prevHash: ext("prevHash"),
    hash: ext("hash"),
    at: new Date(r.recorded),
    actorId: who === agent.who.display ? null : who,
    actor: agent.who.display,
    actorRole: agent.role?.[0]?.text ?? null,
    action: r.subtype[0]!.code,
    target: r.entity?.[0]?.what?.display ?? null,
    sourceIp: agent.network?.address ?? null,
    outcome: r.outcomeDesc,
    before: detail("before"),
    after: detail("after"),
  };
}
