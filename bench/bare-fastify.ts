/** The framework's ceiling on this machine: a bare Fastify route returning constant JSON. */
import Fastify from "fastify";

const app = Fastify({ logger: false });
const body = { resourceType: "Patient", id: "p-000001", gender: "unknown" };
app.get("/constant", async (_req, reply) => reply.type("application/fhir+json; charset=utf-8").send(body));
await app.listen({ port: Number(process.argv[2] ?? 4901), host: "127.0.0.1" });
