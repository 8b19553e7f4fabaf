/** Demand for whole weeks, one value per minute (req/s averaged over the minute). */
export type DemandTrace = {
  perMinute: number[];
  /** Hour of week of the first minute (0 = Monday 00:00 in the hospital's time zone). */
  startHourOfWeek: number;
  /** "synthetic" traces are generated, never presented as recorded traffic. */
  source: "synthetic" | "recorded";
  /** Minutes (relative to the trace start) when a random emergency surge began (synthetic only). */
  surgeStarts: number[];
};

/** What every policy is simulated against; capacity and start-up time come from the bench. */
export type ClusterParams = {
  /** Requests per second one replica serves with p95 latency within its target. */
  perReplicaCapacityRps: number;
  /** Seconds from asking for a replica to it serving traffic. */
  startupSeconds: number;
  minReplicas: number;
  maxReplicas: number;
  /** Price of one replica for one hour (see the default in ./prices). */
  pricePerReplicaHour: number;
};

/** One controller decision point: what it could observe, and what it asked for. */
export type ControllerInput = {
  /** Seconds since the trace start. */
  t: number;
  /** Demand averaged over the controller's metric window, req/s (what a scrape would show). */
  observedRps: number;
  readyReplicas: number;
  specReplicas: number;
};

export type Controller = {
  name: string;
  /** Called every `syncSeconds`; returns the replica count it wants now. */
  decide(input: ControllerInput): number;
  syncSeconds: number;
  /** Seconds of demand averaged into `observedRps` (the metric pipeline's window). */
  metricWindowSeconds: number;
};

export type SimulationResult = {
  policy: string;
  underProvisionedMinutes: number;
  replicaHours: number;
  cost: number;
  /** Per minute: ready replicas × capacity (req/s), for the demand-vs-capacity chart. */
  capacityPerMinute: number[];
  replicasPerMinute: number[];
};
