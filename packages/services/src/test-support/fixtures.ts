/**
 * Test support for the services and the server: a small dataset whose chain and figures can be
 * worked out by hand, and services on a fresh SQLite file with fast password hashing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateDataset, type Dataset } from "@paraat/core";
import { highsSolver } from "@paraat/solver";
import { openStore, type Store } from "@paraat/store";
import type { Actor } from "../actor.js";
import type { Role } from "../permissions.js";
import { testScryptCost } from "../passwords.js";
import { createServices, type Services, type ServicesOptions } from "../services.js";

/**
 * A 155 mm shell made in NL from TNT (US 300/month, NL 100/month) and a body (NL); TNT needs
 * antimony, which nobody in the dataset makes (EU sourcing CN 60%, US 40%).
 */
export function shellDataset(name = "shells"): Dataset {
  const raw = {
    format: "paraat-dataset",
    version: 1,
    name,
    horizon: { start: "2025-01", periods: 24 },
    countries: [
      { code: "NL", name: "Netherlands", eu: true, nato: true, concern: false, wgi: 1 },
      { code: "US", name: "United States", eu: false, nato: true, concern: false, wgi: 2 },
      { code: "CN", name: "China", eu: false, nato: false, concern: true, wgi: 7 },
    ],
    companies: [
      { id: "ammo-nl", name: "Ammo NL", country: "NL", base: ["NLDTIB"], owners: [], clearance: "granted" },
      { id: "chem-us", name: "Chem US", country: "US", base: [], owners: [], clearance: "none" },
    ],
    sites: [
      { id: "nl-plant", company: "ammo-nl", country: "NL", name: "Plant NL" },
      { id: "us-plant", company: "chem-us", country: "US", name: "Plant US" },
    ],
    items: [
      { id: "shell", name: "155 mm shell", kind: "end-item", unit: "pcs", unitValue: 3000 },
      { id: "tnt", name: "TNT", kind: "material", unit: "kg", unitValue: 20 },
      { id: "body", name: "Shell body", kind: "component", unit: "pcs", unitValue: 500 },
      { id: "antimony", name: "Antimony", kind: "raw-material", unit: "kg", unitValue: 10 },
    ],
    bom: [
      { parent: "shell", child: "tnt", qty: 2 },
      { parent: "shell", child: "body", qty: 1 },
      { parent: "tnt", child: "antimony", qty: 0.5 },
    ],
    supply: [
      { id: "s-shell", item: "shell", site: "nl-plant", leadTime: 1, unitCost: 100, capacity: [{ from: "2025-01", perPeriod: 100 }] },
      { id: "s-tnt-us", item: "tnt", site: "us-plant", leadTime: 0, unitCost: 5, capacity: [{ from: "2025-01", perPeriod: 300 }] },
      { id: "s-tnt-nl", item: "tnt", site: "nl-plant", leadTime: 0, unitCost: 8, capacity: [{ from: "2025-01", perPeriod: 100 }] },
      { id: "s-body", item: "body", site: "nl-plant", leadTime: 0, unitCost: 50, capacity: [{ from: "2025-01", perPeriod: 100 }] },
    ],
    stocks: [{ item: "antimony", holder: "pool", qty: 100000 }],
    consumers: [{ id: "nl-army", name: "NL Army", country: "NL", priority: 1 }],
    demands: [{ id: "d1", item: "shell", consumer: "nl-army", qty: 150, due: "2025-03" }],
    targets: [{ id: "t1", item: "shell", consumer: "nl-army", level: 500, by: "2025-12" }],
    materials: [
      {
        item: "antimony",
        stages: [
          {
            stage: "processing",
            globalSupply: { CN: 0.8, US: 0.2 },
            euSourcing: { CN: 0.6, US: 0.4 },
            importReliance: 1,
            eolRir: 0,
            substitution: 1,
          },
        ],
        economicImportance: 4,
      },
    ],
  };
  const r = validateDataset(raw);
  if (!r.ok) throw new Error(`shellDataset is invalid: ${JSON.stringify(r.issues, null, 2)}`);
  return r.dataset;
}

export function actor(role: Role, username: string = role): Actor {
  return { username, role, displayName: null, via: "session" };
}

export interface TestServices {
  services: Services;
  store: Store;
  close(): Promise<void>;
}

/** Services on a fresh SQLite file (removed by close), with the HiGHS solver and fast password hashing. */
export async function openTestServices(options: Partial<Omit<ServicesOptions, "store">> = {}): Promise<TestServices> {
  const dir = mkdtempSync(join(tmpdir(), "paraat-services-test-"));
  const store = await openStore(join(dir, "test.db"));
  const services = createServices({ store, solver: highsSolver(), passwordCost: testScryptCost, ...options });
  return {
    services,
    store,
    async close() {
      await services.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
