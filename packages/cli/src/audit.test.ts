import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AuditEntry } from "@paraat/store";
import { runCli as run } from "./test-support/run-cli.js";

let dir: string;
let db: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paraat-cli-audit-"));
  db = join(dir, "paraat.db");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function auditLog(): Promise<AuditEntry[]> {
  const r = await run("--db", db, "--format", "json", "audit", "--limit", "1000");
  expect(r.code, r.err).toBe(0);
  return (JSON.parse(r.out) as AuditEntry[]).reverse(); // oldest first
}

it("audits CLI loads, imports, edits and deletes with their actor, the OS user or --as USER", async () => {
  const me = `cli:${userInfo().username}`;
  expect((await run("--db", db, "dataset", "load", "nl-2024")).code).toBe(0);
  const json = join(dir, "nl.json");
  expect((await run("--db", db, "export", json)).code).toBe(0);
  expect((await run("--db", db, "import", json, "--name", "copy")).code).toBe(0);

  // An analyst edits through --as: the audit names them, and their role's permissions apply.
  expect((await run("--db", db, "user", "add", "alice", "--role", "analyst", "--password", "a-long-password-1")).code).toBe(0);
  const country = JSON.stringify({ code: "LI", name: "Liechtenstein", eu: false, nato: true, concern: false });
  const add = await run(
    "--db",
    db,
    "--dataset",
    "copy",
    "--as",
    "alice",
    "--format",
    "json",
    "entity",
    "add",
    "countries",
    "--json",
    country,
  );
  expect(add.code, add.err).toBe(0);
  expect(JSON.parse(add.out)).toMatchObject({ entity: "countries", key: "LI", before: null });
  const changed = JSON.stringify({ code: "LI", name: "Fürstentum Liechtenstein", eu: false, nato: true, concern: false });
  expect((await run("--db", db, "--dataset", "copy", "--as", "alice", "entity", "update", "countries", "LI", "--json", changed)).code).toBe(
    0,
  );
  expect((await run("--db", db, "--dataset", "copy", "entity", "delete", "countries", "LI")).code).toBe(0);
  // Deleting a dataset needs dataset:admin, which an analyst lacks: refused, nothing written.
  const refused = await run("--db", db, "--as", "alice", "dataset", "delete", "copy");
  expect(refused.code).not.toBe(0);
  expect(refused.err).toMatch(/FORBIDDEN/);
  expect((await run("--db", db, "dataset", "delete", "copy")).code).toBe(0);

  const log = (await auditLog()).filter((e) => e.action.startsWith("dataset.") || e.action.startsWith("entity."));
  expect(log.map((e) => [e.actor, e.action, e.dataset, e.key])).toEqual([
    [me, "dataset.load", "nl-2024", null],
    [me, "dataset.import", "copy", null],
    ["alice", "entity.create", "copy", "LI"],
    ["alice", "entity.update", "copy", "LI"],
    [me, "entity.delete", "copy", "LI"],
    [me, "dataset.delete", "copy", null],
  ]);
  expect(log[3]!.before).toMatchObject({ name: "Liechtenstein" });
  expect(log[3]!.after).toMatchObject({ name: "Fürstentum Liechtenstein" });
});

it("refuses --as for a user that does not exist, before doing anything", async () => {
  const r = await run("--db", db, "--as", "nobody", "dataset", "delete", "nl-2024");
  expect(r.code).toBe(4);
  expect(r.err).toMatch(/NOT_FOUND: --as: no user named "nobody"/);
  expect((await run("--db", db, "--format", "json", "summary")).code).toBe(0);
});

it("names the option of a plan option the schema refuses", async () => {
  const r = await run("--db", db, "plan", "--resolve-top", "99");
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/INVALID_ARGUMENT: --resolve-top: /);
  const k = await run("--db", db, "risk", "--kind", "nonsense");
  expect(k.code).toBe(2);
  expect(k.err).toMatch(/INVALID_ARGUMENT: --kind/);
});
