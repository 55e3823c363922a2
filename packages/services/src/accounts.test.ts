import { afterEach, beforeEach, expect, it } from "vitest";
import { actor, openTestServices, type TestServices } from "./test-support/fixtures.js";

let t: TestServices;
let clock = Date.parse("2026-03-01T12:00:00.000Z");
const admin = actor("admin", "root");

beforeEach(async () => {
  clock = Date.parse("2026-03-01T12:00:00.000Z");
  t = await openTestServices({ now: () => new Date(clock) });
  await t.services.users.create(admin, { username: "root", role: "admin", password: "root-password-1" });
});
afterEach(async () => t.close());

it("creates users with hashed passwords and lists them without hashes", async () => {
  const u = await t.services.users.create(admin, { username: "bob", role: "analyst", password: "bob-password-1", displayName: "Bob" });
  expect(u).toEqual({
    username: "bob",
    displayName: "Bob",
    role: "analyst",
    disabled: false,
    createdAt: "2026-03-01T12:00:00.000Z",
    updatedAt: "2026-03-01T12:00:00.000Z",
  });
  const list = await t.services.users.list(admin);
  expect(list.map((x) => x.username)).toEqual(["bob", "root"]);
  expect(JSON.stringify(list)).not.toMatch(/scrypt|password/);
  await expect(t.services.users.create(admin, { username: "bob", role: "viewer", password: "another-password" })).rejects.toMatchObject({
    code: "CONFLICT",
  });
});

it("lists every problem with a new user's input", async () => {
  const err = await t.services.users
    .create(admin, { username: "B o", role: "boss" as "admin", password: "short" })
    .catch((e: unknown) => e);
  expect(err).toMatchObject({ code: "VALIDATION_FAILED" });
  const fields = (err as { details: { issues: { field: string }[] } }).details.issues.map((i) => i.field).sort();
  expect(fields).toEqual(["password", "role", "username"]);
});

it("lets only admins manage users", async () => {
  for (const role of ["analyst", "procurement", "fund", "viewer"] as const) {
    await expect(t.services.users.list(actor(role))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.services.users.create(actor(role), { username: "x1", role: "admin", password: "long-enough-1" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  }
});

it("keeps an active admin and refuses disabling or removing oneself", async () => {
  await expect(t.services.users.update(admin, "root", { role: "viewer" })).rejects.toMatchObject({ code: "CONFLICT" });
  await expect(t.services.users.update(admin, "root", { disabled: true })).rejects.toMatchObject({ code: "CONFLICT" });
  await expect(t.services.users.remove(admin, "root")).rejects.toMatchObject({ code: "CONFLICT" });
  await t.services.users.create(admin, { username: "anna", role: "admin", password: "anna-password-1" });
  // Another admin exists now, but one still cannot remove oneself; anna can.
  await expect(t.services.users.remove(admin, "root")).rejects.toMatchObject({ code: "CONFLICT" });
  await t.services.users.remove(actor("admin", "anna"), "root");
  expect((await t.services.users.list(actor("admin", "anna"))).map((u) => u.username)).toEqual(["anna"]);
});

it("signs in with the right password only, and signs out", async () => {
  await expect(t.services.sessions.login("root", "wrong-password", "10.0.0.1")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  await expect(t.services.sessions.login("nobody", "root-password-1", "10.0.0.1")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  const s = await t.services.sessions.login("root", "root-password-1", "10.0.0.1");
  expect(s.user.username).toBe("root");
  expect(s.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(await t.services.sessions.authenticate(s.sessionId)).toEqual({
    username: "root",
    role: "admin",
    displayName: null,
    via: "session",
  });
  expect(await t.services.sessions.authenticate(`${s.sessionId}x`)).toBeUndefined();
  await t.services.sessions.logout(s.sessionId);
  expect(await t.services.sessions.authenticate(s.sessionId)).toBeUndefined();
});

it("ends sessions after 8 idle hours and at 7 days whatever the use", async () => {
  const s = await t.services.sessions.login("root", "root-password-1", "ip");
  clock += 7 * 3600_000;
  expect(await t.services.sessions.authenticate(s.sessionId)).toBeDefined(); // extends to +8 h from now
  clock += 7 * 3600_000;
  expect(await t.services.sessions.authenticate(s.sessionId)).toBeDefined();
  clock += 8 * 3600_000 + 1;
  expect(await t.services.sessions.authenticate(s.sessionId)).toBeUndefined();

  const long = await t.services.sessions.login("root", "root-password-1", "ip");
  for (let h = 0; h < 7 * 24; h += 4) {
    clock += 4 * 3600_000;
    const a = await t.services.sessions.authenticate(long.sessionId);
    if (h + 4 < 7 * 24) expect(a, `after ${h + 4} h`).toBeDefined();
    else expect(a, "at 7 days").toBeUndefined();
  }
});

it("ends a user's sessions when the password changes or the account is disabled, and follows role changes at once", async () => {
  await t.services.users.create(admin, { username: "bob", role: "analyst", password: "bob-password-1" });
  const s = await t.services.sessions.login("bob", "bob-password-1", "ip");
  await t.services.users.update(admin, "bob", { role: "viewer" });
  expect((await t.services.sessions.authenticate(s.sessionId))!.role).toBe("viewer");
  await t.services.users.update(admin, "bob", { password: "bob-password-2" });
  expect(await t.services.sessions.authenticate(s.sessionId)).toBeUndefined();
  const s2 = await t.services.sessions.login("bob", "bob-password-2", "ip");
  await t.services.users.update(admin, "bob", { disabled: true });
  expect(await t.services.sessions.authenticate(s2.sessionId)).toBeUndefined();
  await expect(t.services.sessions.login("bob", "bob-password-2", "ip")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
});

it("rate-limits failed sign-ins per username and per address", async () => {
  for (let i = 0; i < 10; i++)
    await expect(t.services.sessions.login("root", `wrong-${i}`, `10.0.0.${i}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  // The username is locked for 15 minutes, even with the right password, from any address.
  await expect(t.services.sessions.login("root", "root-password-1", "10.9.9.9")).rejects.toMatchObject({
    code: "RATE_LIMITED",
    details: { retryAfter: 900 },
  });
  clock += 15 * 60_000 + 1;
  await t.services.sessions.login("root", "root-password-1", "10.9.9.9");

  // 30 failures from one address lock that address for every username.
  for (let i = 0; i < 30; i++) await t.services.sessions.login(`user${i}`, "whatever-pass", "10.6.6.6").catch(() => undefined);
  await expect(t.services.sessions.login("root", "root-password-1", "10.6.6.6")).rejects.toMatchObject({ code: "RATE_LIMITED" });
  await t.services.sessions.login("root", "root-password-1", "10.7.7.7");
});

it("creates API tokens shown once, authenticates with them, and lets owners or admins revoke them", async () => {
  await t.services.users.create(admin, { username: "bob", role: "analyst", password: "bob-password-1" });
  const bob = actor("analyst", "bob");
  const created = await t.services.tokens.create(bob, "ci");
  expect(created.token).toMatch(/^prt_[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
  expect(created.token.startsWith(`prt_${created.id}.`)).toBe(true);
  const listed = await t.services.tokens.list(bob);
  expect(listed).toEqual([{ id: created.id, username: "bob", name: "ci", createdAt: "2026-03-01T12:00:00.000Z", lastUsedAt: null }]);
  expect(await t.services.tokens.list(admin)).toEqual([]);

  expect(await t.services.tokens.authenticate(created.token)).toEqual({
    username: "bob",
    role: "analyst",
    displayName: null,
    via: "token",
    tokenId: created.id,
  });
  expect((await t.services.tokens.list(bob))[0]!.lastUsedAt).toBe("2026-03-01T12:00:00.000Z");
  const forged = `${created.token.slice(0, -1)}${created.token.endsWith("A") ? "B" : "A"}`;
  expect(await t.services.tokens.authenticate(forged)).toBeUndefined();
  expect(await t.services.tokens.authenticate("Bearer nonsense")).toBeUndefined();

  // A token cannot mint tokens; a viewer cannot create any.
  await expect(t.services.tokens.create((await t.services.tokens.authenticate(created.token))!, "more")).rejects.toMatchObject({
    code: "FORBIDDEN",
  });
  await expect(t.services.tokens.create(actor("viewer"), "mine")).rejects.toMatchObject({ code: "FORBIDDEN" });

  const other = await t.services.tokens.create(admin, "admin-token");
  await expect(t.services.tokens.remove(bob, other.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  await t.services.tokens.remove(admin, created.id);
  expect(await t.services.tokens.authenticate(created.token)).toBeUndefined();

  const entries = await t.services.audit.list(admin);
  expect(entries.map((e) => `${e.actor} ${e.action} ${e.key}`).slice(0, 3)).toEqual([
    `root token.delete ${created.id}`,
    `root token.create ${other.id}`,
    `bob token.create ${created.id}`,
  ]);
  expect(JSON.stringify(entries)).not.toContain(created.token.split(".")[1]);
});

it("creates the first admin once, with a generated password that works", async () => {
  const fresh = await openTestServices();
  try {
    const system = actor("admin", "system");
    const first = await fresh.services.users.ensureInitialAdmin(system);
    expect(first?.username).toBe("admin");
    expect(first!.password).toHaveLength(20);
    expect(await fresh.services.users.ensureInitialAdmin(system)).toBeUndefined();
    const s = await fresh.services.sessions.login("admin", first!.password, "ip");
    expect(s.user.role).toBe("admin");
  } finally {
    await fresh.close();
  }
  // Not when users exist.
  expect(await t.services.users.ensureInitialAdmin(admin)).toBeUndefined();
});

it("audits every user change, readable by admins only", async () => {
  await t.services.users.create(admin, { username: "bob", role: "analyst", password: "bob-password-1" });
  await t.services.users.update(admin, "bob", { role: "viewer", password: "bob-password-2" });
  await t.services.users.remove(admin, "bob");
  const entries = await t.services.audit.list(admin, { actor: "root" });
  expect(entries.map((e) => [e.action, e.key])).toEqual([
    ["user.delete", "bob"],
    ["user.update", "bob"],
    ["user.create", "bob"],
    ["user.create", "root"],
  ]);
  expect(entries[1]!.before).toMatchObject({ role: "analyst" });
  expect(entries[1]!.after).toMatchObject({ role: "viewer", passwordChanged: true });
  await expect(t.services.audit.list(actor("analyst"))).rejects.toMatchObject({ code: "FORBIDDEN" });
});
