import { test as setup } from "@playwright/test";
import { E2E } from "./support/config";
import { clinicalAuthHeaders } from "./support/clinical-token";
import { LoginPage } from "./pages/login-page";
import { UsersPage } from "./pages/users-page";

// The admin creates the ops and compliance accounts the specs use, through the real UI.
setup("admin creates the ops and compliance users", async ({ page }) => {
  await new LoginPage(page).signInAs(E2E.adminEmail, E2E.adminPassword);
  const users = new UsersPage(page);
  await users.goto();
  await users.createUser({ ...E2E.users.ops, name: "Olivia Ops", role: "ops" });
  await users.createUser({ ...E2E.users.compliance, name: "Cora Compliance", role: "compliance" });
});

// The specs' short load-test runs are judged against the scenario's latency targets; a cold
// clinical service (empty PostgreSQL buffers, unoptimised code) fails them in its first second.
setup("warm the clinical service up", async ({ request }) => {
  const base = `http://127.0.0.1:${E2E.clinicalPort}`;
  const headers = await clinicalAuthHeaders();
  for (let i = 1; i <= 20; i++) {
    const id = `p-${String(i).padStart(6, "0")}`;
    await request.get(`${base}/fhir/Patient/${id}`, { headers });
    await request.get(`${base}/fhir/Observation?patient=${id}&category=vital-signs&_sort=-date&_count=10`, { headers });
    await request.get(`${base}/fhir/Observation?patient=${id}&category=laboratory&_sort=-date&_count=10`, { headers });
  }
});
