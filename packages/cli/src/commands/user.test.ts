import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli as run } from "../test-support/run-cli.js";

let dir: string;
let db: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paraat-cli-user-"));
  db = join(dir, "p.db");
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

it("adds, lists, changes and removes users", async () => {
  const added = await run(
    "--db",
    db,
    "--format",
    "json",
    "user",
    "add",
    "anna",
    "--role",
    "admin",
    "--password",
    "anna-password-1",
    "--display-name",
    "Anna",
  );
  expect(added.code, added.err).toBe(0);
  expect(JSON.parse(added.out)).toMatchObject({ username: "anna", role: "admin", displayName: "Anna", disabled: false });

  // Without --password and without a terminal, a password is generated and printed once, on stderr.
  const generated = await run("--db", db, "user", "add", "bob", "--role", "viewer");
  expect(generated.code, generated.err).toBe(0);
  expect(generated.err).toMatch(/^password for bob: [a-km-zA-HJ-NP-Z2-9]{20}\n/);

  const listed = await run("--db", db, "--format", "json", "user", "list");
  expect((JSON.parse(listed.out) as { username: string; role: string }[]).map((u) => `${u.username}:${u.role}`)).toEqual([
    "anna:admin",
    "bob:viewer",
  ]);
  expect(listed.out).not.toContain("scrypt");

  expect((await run("--db", db, "user", "set", "bob", "--role", "analyst", "--disable")).code).toBe(0);
  const after = JSON.parse((await run("--db", db, "--format", "json", "user", "list")).out) as {
    username: string;
    role: string;
    disabled: boolean;
  }[];
  expect(after[1]).toMatchObject({ username: "bob", role: "analyst", disabled: true });

  expect((await run("--db", db, "user", "passwd", "bob", "--password", "bob-password-2")).code).toBe(0);
  expect((await run("--db", db, "user", "remove", "bob")).code).toBe(0);
  // The last admin stays.
  const last = await run("--db", db, "user", "remove", "anna");
  expect(last.code).toBe(5);
  expect(last.err).toMatch(/CONFLICT/);
});

it("names the options that are wrong", async () => {
  const res = await run("--db", db, "user", "add", "Bad Name", "--role", "boss", "--password", "short");
  expect(res.code).toBe(2);
  expect(res.err).toContain("error INVALID_ARGUMENT: NAME: ");
  expect(res.err).toContain("--role: ");
  expect(res.err).toContain("--password: at least 10 characters");
});
