import { ParaatError } from "@paraat/core";
import { expect, it } from "vitest";
import { forEachDialect } from "../test-dialects.js";
import type { UserRecord } from "./types.js";

const t0 = "2026-01-01T00:00:00.000Z";

function user(username: string, role = "analyst", disabled = false): UserRecord {
  return { username, displayName: null, role, passwordHash: `hash-of-${username}`, disabled, createdAt: t0, updatedAt: t0 };
}

const audit = { actor: "root", action: "user.change" };

/** The rule the services apply, here only to see that the check runs inside the transaction. */
function keepAnAdmin(change: { activeByRoleAfter: Record<string, number> }): void {
  if ((change.activeByRoleAfter.admin ?? 0) === 0) throw new ParaatError("CONFLICT", "the last admin");
}

forEachDialect("accounts", (ctx) => {
  it("creates, reads, changes and deletes users, auditing each change without the password hash", async () => {
    const store = await ctx.openFresh();
    const accounts = store.accounts;
    expect(await accounts.countUsers()).toBe(0);
    await accounts.createUser(user("bob"), { audit });
    await accounts.createUser({ ...user("anna", "admin"), displayName: "Anna" });
    expect(await accounts.countUsers()).toBe(2);
    expect((await accounts.listUsers()).map((u) => u.username)).toEqual(["anna", "bob"]);
    expect(await accounts.findUser("anna")).toEqual({ ...user("anna", "admin"), displayName: "Anna" });
    expect(await accounts.findUser("nobody")).toBeUndefined();
    await expect(accounts.createUser(user("bob"))).rejects.toMatchObject({ code: "CONFLICT" });

    const { before, after } = await accounts.updateUser(
      "bob",
      { role: "viewer", passwordHash: "new-hash" },
      { audit, now: "2026-02-01T00:00:00.000Z" },
    );
    expect(before.role).toBe("analyst");
    expect(after).toEqual({ ...user("bob", "viewer"), passwordHash: "new-hash", updatedAt: "2026-02-01T00:00:00.000Z" });
    expect(await accounts.findUser("bob")).toEqual(after);
    await expect(accounts.updateUser("nobody", { role: "viewer" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await accounts.deleteUser("bob", { audit });
    expect(await accounts.findUser("bob")).toBeUndefined();

    const entries = await store.audit.list();
    expect(entries.map((e) => [e.entity, e.key, e.before === null, e.after === null])).toEqual([
      ["users", "bob", false, true],
      ["users", "bob", false, false],
      ["users", "bob", true, false],
    ]);
    expect(entries[1]!.after).toMatchObject({ role: "viewer", passwordChanged: true });
    expect(JSON.stringify(entries)).not.toMatch(/hash/);
  });

  it("runs the check inside the transaction with the active users per role after the change", async () => {
    const store = await ctx.openFresh();
    const accounts = store.accounts;
    await accounts.createUser(user("anna", "admin"), { check: keepAnAdmin });
    await expect(
      accounts.createUser(user("bob", "viewer"), {
        check: () => {
          throw new ParaatError("FORBIDDEN", "no");
        },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await accounts.findUser("bob")).toBeUndefined();
    await accounts.createUser(user("carl", "admin", true));

    const seen: Record<string, number>[] = [];
    await expect(
      accounts.updateUser("anna", { role: "analyst" }, { check: (c) => (seen.push(c.activeByRoleAfter), keepAnAdmin(c)), audit }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(seen).toEqual([{ analyst: 1 }]);
    await expect(accounts.updateUser("anna", { disabled: true }, { check: keepAnAdmin })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(accounts.deleteUser("anna", { check: keepAnAdmin })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await accounts.findUser("anna"))!.role).toBe("admin");
    expect(await store.audit.list()).toEqual([]);

    // Enabling the second admin lets the first one go.
    await accounts.updateUser("carl", { disabled: false }, { check: (c) => (seen.push(c.activeByRoleAfter), keepAnAdmin(c)) });
    expect(seen[1]).toEqual({ admin: 2 });
    await accounts.deleteUser("anna", { check: keepAnAdmin });
    expect((await accounts.listUsers()).map((u) => u.username)).toEqual(["carl"]);
  });

  it("keeps sessions, ends them on a password change, disabling or deletion", async () => {
    const store = await ctx.openFresh();
    const accounts = store.accounts;
    await accounts.createUser(user("bob"));
    const s = { idHash: "h1", username: "bob", createdAt: t0, expiresAt: "2026-01-02T00:00:00.000Z", lastSeenAt: t0 };
    await accounts.createSession(s);
    expect(await accounts.findSession("h1")).toEqual({ session: s, user: user("bob") });
    expect(await accounts.findSession("h2")).toBeUndefined();
    await accounts.touchSession("h1", "2026-01-01T01:00:00.000Z", "2026-01-02T01:00:00.000Z");
    expect((await accounts.findSession("h1"))!.session.expiresAt).toBe("2026-01-02T01:00:00.000Z");

    await accounts.updateUser("bob", { role: "viewer" });
    expect(await accounts.findSession("h1")).toBeDefined();
    await accounts.updateUser("bob", { passwordHash: "other" });
    expect(await accounts.findSession("h1")).toBeUndefined();

    await accounts.createSession({ ...s, idHash: "h2" });
    await accounts.updateUser("bob", { disabled: true });
    expect(await accounts.findSession("h2")).toBeUndefined();

    await accounts.createSession({ ...s, idHash: "h3" });
    await accounts.createSession({ ...s, idHash: "old", expiresAt: "2025-12-31T00:00:00.000Z" });
    expect(await accounts.deleteExpiredSessions(t0)).toBe(1);
    await accounts.deleteSession("h3");
    expect(await accounts.findSession("h3")).toBeUndefined();
    await accounts.createSession({ ...s, idHash: "h4" });
    await accounts.deleteUser("bob");
    expect(await accounts.findSession("h4")).toBeUndefined();
    await expect(accounts.createSession({ ...s, idHash: "h5" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("stores API tokens, lists them per user, and deletes them with an audit entry but no secret", async () => {
    const store = await ctx.openFresh();
    const accounts = store.accounts;
    await accounts.createUser(user("bob"));
    await accounts.createUser(user("anna", "admin"));
    const tok = { id: "t1", username: "bob", name: "ci", secretHash: "secret-digest", createdAt: t0, lastUsedAt: null };
    await accounts.createToken(tok, { audit: { actor: "bob", action: "token.create" } });
    await accounts.createToken({ ...tok, id: "t2", username: "anna", createdAt: "2026-01-03T00:00:00.000Z" });
    await expect(accounts.createToken({ ...tok, id: "t3", username: "nobody" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await accounts.listTokens("bob")).map((t) => t.id)).toEqual(["t1"]);
    expect((await accounts.listTokens()).map((t) => t.id)).toEqual(["t1", "t2"]);
    expect(await accounts.findToken("t1")).toEqual({ token: tok, user: user("bob") });
    await accounts.touchToken("t1", "2026-01-05T00:00:00.000Z");
    expect((await accounts.findToken("t1"))!.token.lastUsedAt).toBe("2026-01-05T00:00:00.000Z");

    await expect(
      accounts.deleteToken("t2", {
        allowed: (t) => {
          if (t.username !== "bob") throw new ParaatError("FORBIDDEN", "not yours");
        },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await accounts.findToken("t2")).toBeDefined();
    await accounts.deleteToken("t1", { audit: { actor: "bob", action: "token.delete" } });
    await expect(accounts.deleteToken("t1")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await accounts.deleteUser("anna");
    expect(await accounts.listTokens()).toEqual([]);

    const entries = await store.audit.list();
    expect(entries.map((e) => [e.action, e.key])).toEqual([
      ["token.delete", "t1"],
      ["token.create", "t1"],
    ]);
    expect(entries[1]!.after).toEqual({ id: "t1", username: "bob", name: "ci", createdAt: t0, lastUsedAt: null });
    expect(JSON.stringify(entries)).not.toContain("secret");
  });
});
