/**
 * The real Paraat server for the end-to-end tests, in this process: a fresh SQLite database in a
 * temporary directory, the nl-2024 dataset imported, one known admin, and the web build served.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildServer } from "@paraat/server";
import { createServices, testScryptCost, type Actor, type Services } from "@paraat/services";
import { openStore } from "@paraat/store";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "..", "..", "..", "..");
export const webDist = resolve(here, "..", "..", "dist");

export interface E2eServer {
  url: string;
  username: string;
  password: string;
  services: Services;
  close(): Promise<void>;
}

const system: Actor = { username: "system", role: "admin", displayName: null, via: "cli" };

export async function startServer(options: { warmPlan?: boolean } = {}): Promise<E2eServer> {
  const dir = mkdtempSync(join(tmpdir(), "paraat-e2e-"));
  const store = await openStore(join(dir, "paraat.db"));
  // A cheap password hash: the tests sign in many times and measure the app, not scrypt.
  const services = createServices({ store, passwordCost: testScryptCost });
  const username = "e2e-admin";
  const password = "e2e-admin-password-1";
  await services.users.create(system, { username, role: "admin", password, displayName: "E2E Admin" });
  const dataset = readFileSync(join(repoRoot, "datasets", "nl-2024", "nl-2024.json"));
  await services.datasets.importUpload(system, dataset, { format: "json", filename: "nl-2024.json" });
  if (options.warmPlan) {
    // Compute the plan once so later reads are the cached result (as on a running server).
    const outcome = await services.plans.read(system, "nl-2024");
    if ("job" in outcome) await services.jobs.settled(outcome.job.id);
  }
  const app = await buildServer({ services, webRoot: webDist, loginRateLimit: { max: 1000, windowMs: 60_000 } });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url: address,
    username,
    password,
    services,
    async close() {
      await app.close();
      await services.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
