import { LABS, VITALS, type LabKey } from "../fhir/codes";
import * as M from "./hospital-model";
import { labValue } from "./labs";
import { mulberry32, pick } from "./prng";
import { syntheticPatients } from "./synthetic-patients";
import { tsvLine, type SeedTable } from "./tsv";
import { vitalSet } from "./vitals";

export interface GenerateOptions {
  patients: number;
  seed: number;
  /** "Now" for the data set: admissions in progress end here. Same seed + anchor = same rows. */
  anchor: Date;
  chunkSize?: number;
}

export interface Chunk {
  rows: Record<SeedTable, string>;
  counts: Record<SeedTable, number>;
  patientsDone: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const LAB_KEYS = Object.keys(LABS) as LabKey[];

class ChunkBuilder {
  rows: Record<SeedTable, string[]> = { patients: [], encounters: [], observations: [] };
  constructor(private nextObservationId: number) {}

  observation(pid: string, eid: string, category: string, code: string, num: number | null, valueCode: string | null, unit: string | null, at: string) {
    this.rows.observations.push(tsvLine([this.nextObservationId++, pid, eid, category, code, num, valueCode, unit, at]));
  }

  take(patientsDone: number): Chunk {
    const out: Chunk = {
      rows: { patients: this.rows.patients.join(""), encounters: this.rows.encounters.join(""), observations: this.rows.observations.join("") },
      counts: { patients: this.rows.patients.length, encounters: this.rows.encounters.length, observations: this.rows.observations.length },
      patientsDone,
    };
    this.rows = { patients: [], encounters: [], observations: [] };
    return out;
  }

  get observationId() {
    return this.nextObservationId;
  }
}

/** Streams the synthetic hospital in chunks of patients with their encounters and observations. */
export function* generateHospital(opts: GenerateOptions): Generator<Chunk> {
  const rand = mulberry32(opts.seed * 7919 + 17);
  const anchor = opts.anchor.getTime();
  const hotCount = Math.max(1, Math.floor(opts.patients * M.HOT_PATIENT_FRACTION));
  const chunkSize = opts.chunkSize ?? 500;
  const b = new ChunkBuilder(1);
  let n = 0;
  for (const p of syntheticPatients(opts.patients, opts.seed)) {
    n++;
    b.rows.patients.push(tsvLine([p.id, p.mrn, p.family, p.given, p.gender, p.birthDate]));
    const encounters = planEncounters(rand, anchor, n <= hotCount);
    encounters.forEach((e, k) => {
      const eid = `e-${p.id.slice(2)}-${k + 1}`;
      const end = e.end ?? anchor;
      b.rows.encounters.push(tsvLine([eid, p.id, e.cls, e.end ? "finished" : "in-progress", e.location, iso(e.start), e.end ? iso(e.end) : null]));
      if (e.vitalsEvery) addVitals(b, rand, p.id, eid, e.start, end, e.vitalsEvery, e.severity, e.deteriorating);
      addLabs(b, rand, p.id, eid, e.start, end, e.cls === "AMB" ? 0.5 : 1, e.severity);
    });
    if (n % chunkSize === 0) yield b.take(n);
  }
  if (b.rows.patients.length) yield b.take(n);
}

interface PlannedEncounter {
  cls: "IMP" | "EMER" | "AMB";
  location: string;
  start: number;
  end: number | null;
  vitalsEvery: number | null;
  severity: number;
  deteriorating: boolean;
}

function planEncounters(rand: () => number, anchor: number, hot: boolean): PlannedEncounter[] {
  const out: PlannedEncounter[] = [];
  const visits = Math.floor(rand() * (M.MAX_PAST_CLINIC_VISITS + 1));
  for (let i = 0; i < visits; i++) {
    const start = anchor - Math.floor(rand() * 365 * DAY);
    out.push({ cls: "AMB", location: M.OUTPATIENT_CLINIC, start, end: start + 30 * MINUTE, vitalsEvery: null, severity: 0.1, deteriorating: false });
  }
  if (rand() < M.P_PAST_ADMISSION) {
    const start = anchor - (30 + Math.floor(rand() * 335)) * DAY;
    const los = (1 + rand() * (M.MAX_LENGTH_OF_STAY_DAYS - 1)) * DAY;
    out.push(admission(rand, start, start + los, pick(rand, M.WARDS), weightedInterval(rand)));
  }
  const current = rand();
  if (hot || current < M.P_CURRENT_INPATIENT) {
    const sofar = hot ? (1 + rand() * 2) * DAY : (0.25 + rand() * (M.MAX_LENGTH_OF_STAY_DAYS - 0.25)) * DAY;
    out.push(admission(rand, anchor - sofar, null, hot ? "icu-1" : pick(rand, M.WARDS), hot ? 15 : weightedInterval(rand), hot));
  } else if (current < M.P_CURRENT_INPATIENT + M.P_CURRENT_EMERGENCY) {
    out.push({ ...admission(rand, anchor - rand() * M.MAX_ED_STAY_HOURS * HOUR, null, M.EMERGENCY_DEPARTMENT, M.EMERGENCY_VITALS_INTERVAL_MINUTES), cls: "EMER" });
  }
  return out;
}

function admission(rand: () => number, start: number, end: number | null, location: string, every: number, hot = false): PlannedEncounter {
  const severity = hot ? 0.4 + 0.4 * rand() : 0.05 + 0.3 * rand();
  return { cls: "IMP", location, start, end, vitalsEvery: every, severity, deteriorating: rand() < M.P_DETERIORATING };
}

function weightedInterval(rand: () => number): number {
  let r = rand();
  for (let i = 0; i < M.VITALS_INTERVAL_MINUTES.length; i++) {
    r -= M.VITALS_INTERVAL_WEIGHTS[i]!;
    if (r <= 0) return M.VITALS_INTERVAL_MINUTES[i]!;
  }
  return M.VITALS_INTERVAL_MINUTES[M.VITALS_INTERVAL_MINUTES.length - 1]!;
}

function addVitals(b: ChunkBuilder, rand: () => number, pid: string, eid: string, start: number, end: number, everyMin: number, base: number, deteriorating: boolean) {
  const span = Math.max(1, end - start);
  for (let t = start; t <= end; t += everyMin * MINUTE) {
    // Deteriorating patients drift towards critical illness as the stay goes on.
    const severity = deteriorating ? Math.min(1, base + 0.8 * ((t - start) / span)) : base;
    const v = vitalSet(rand, severity);
    const at = iso(t);
    const vs = "vital-signs";
    b.observation(pid, eid, vs, VITALS.heartRate.code, v.heartRate, null, "/min", at);
    b.observation(pid, eid, vs, VITALS.respiratoryRate.code, v.respiratoryRate, null, "/min", at);
    b.observation(pid, eid, vs, VITALS.spo2.code, v.spo2, null, "%", at);
    b.observation(pid, eid, vs, VITALS.systolicBp.code, v.systolicBp, null, "mm[Hg]", at);
    b.observation(pid, eid, vs, VITALS.temperature.code, v.temperature, null, "Cel", at);
    b.observation(pid, eid, vs, VITALS.consciousness.code, null, v.consciousness, null, at);
    b.observation(pid, eid, vs, VITALS.inspiredOxygen.code, v.inspiredOxygen, null, "%", at);
  }
}

function addLabs(b: ChunkBuilder, rand: () => number, pid: string, eid: string, start: number, end: number, probability: number, severity: number) {
  for (let t = start + 2 * HOUR; t <= end; t += M.LAB_PANEL_INTERVAL_HOURS * HOUR) {
    if (rand() >= probability) continue;
    const at = iso(t);
    for (const lab of LAB_KEYS) b.observation(pid, eid, "laboratory", LABS[lab].code, labValue(rand, lab, severity), null, LABS[lab].unit, at);
  }
  if (end - start < 2 * HOUR && rand() < probability) {
    const at = iso(start + 10 * MINUTE);
    for (const lab of LAB_KEYS) b.observation(pid, eid, "laboratory", LABS[lab].code, labValue(rand, lab, severity), null, LABS[lab].unit, at);
  }
}

const iso = (ms: number) => new Date(Math.floor(ms)).toISOString();
