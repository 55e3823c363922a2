/**
 * The repository of users, sessions and API tokens. All SQL for accounts is here; the rules
 * (hashing, roles, who may do what) are in @paraat/services. Every change to a user or token
 * can append its audit entry in the same transaction; password hashes and token secrets never
 * reach the audit log.
 */
import { ParaatError } from "@paraat/core";
import { appendAudit } from "../audit/append.js";
import type { AuditContext } from "../audit/types.js";
import type { Db, StoreDb } from "../store-db.js";
import type { ApiTokensTable, SessionsTable, UsersTable } from "./tables.js";
import type { PublicToken, PublicUser, SessionRecord, TokenRecord, UserChangeCheck, UserPatch, UserRecord } from "./types.js";

function toUser(r: UsersTable): UserRecord {
  return {
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    passwordHash: r.password_hash,
    disabled: r.disabled === true || r.disabled === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function publicUser(u: UserRecord): PublicUser {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    disabled: u.disabled,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

function toSession(r: SessionsTable): SessionRecord {
  return { idHash: r.id_hash, username: r.username, createdAt: r.created_at, expiresAt: r.expires_at, lastSeenAt: r.last_seen_at };
}

function toToken(r: ApiTokensTable): TokenRecord {
  return { id: r.id, username: r.username, name: r.name, secretHash: r.secret_hash, createdAt: r.created_at, lastUsedAt: r.last_used_at };
}

export function publicToken(t: TokenRecord): PublicToken {
  return { id: t.id, username: t.username, name: t.name, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt };
}

/** The audited view of a user: what changed, and whether the password did, never the hash. */
function audited(u: UserRecord | null, passwordChanged = false): unknown {
  if (u === null) return null;
  return passwordChanged ? { ...publicUser(u), passwordChanged: true } : publicUser(u);
}

export class Accounts {
  constructor(private readonly access: StoreDb) {}

  private get db(): Db {
    return this.access.db;
  }

  // --- users ---

  async countUsers(): Promise<number> {
    return this.access.run("counting users", async () => {
      const r = await this.db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    });
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.access.run("listing users", async () =>
      (await this.db.selectFrom("users").selectAll().orderBy("username").execute()).map(toUser),
    );
  }

  async findUser(username: string): Promise<UserRecord | undefined> {
    return this.access.run(`reading user "${username}"`, async () => {
      const r = await this.db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
      return r === undefined ? undefined : toUser(r);
    });
  }

  /** CONFLICT if the username is taken. */
  async createUser(user: UserRecord, options: { audit?: AuditContext; check?: UserChangeCheck } = {}): Promise<UserRecord> {
    return this.access.write(`creating user "${user.username}"`, async (trx) => {
      const active = await this.lockActive(trx);
      const existing = await trx.selectFrom("users").select("username").where("username", "=", user.username).executeTakeFirst();
      if (existing !== undefined)
        throw new ParaatError("CONFLICT", `a user named "${user.username}" already exists`, { details: { username: user.username } });
      options.check?.({ before: null, after: user, activeByRoleAfter: countByRole(user.disabled ? active : [...active, user]) });
      await trx
        .insertInto("users")
        .values({
          username: user.username,
          display_name: user.displayName,
          role: user.role,
          password_hash: user.passwordHash,
          disabled: this.bool(user.disabled),
          created_at: user.createdAt,
          updated_at: user.updatedAt,
        })
        .execute();
      if (options.audit) await appendAudit(trx, options.audit, { entity: "users", key: user.username, before: null, after: audited(user) });
      return user;
    });
  }

  /**
   * Changes a user; NOT_FOUND if there is none. A password change or disabling ends the user's
   * sessions in the same transaction.
   */
  async updateUser(
    username: string,
    patch: UserPatch,
    options: { audit?: AuditContext; check?: UserChangeCheck; now?: string } = {},
  ): Promise<{ before: UserRecord; after: UserRecord }> {
    return this.access.write(`changing user "${username}"`, async (trx) => {
      const active = await this.lockActive(trx);
      const before = await this.requireUser(trx, username);
      const after: UserRecord = {
        ...before,
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
        updatedAt: options.now ?? new Date().toISOString(),
      };
      const others = active.filter((u) => u.username !== username);
      options.check?.({ before, after, activeByRoleAfter: countByRole(after.disabled ? others : [...others, after]) });
      await trx
        .updateTable("users")
        .set({
          display_name: after.displayName,
          role: after.role,
          password_hash: after.passwordHash,
          disabled: this.bool(after.disabled),
          updated_at: after.updatedAt,
        })
        .where("username", "=", username)
        .execute();
      const passwordChanged = patch.passwordHash !== undefined && patch.passwordHash !== before.passwordHash;
      if (passwordChanged || (after.disabled && !before.disabled))
        await trx.deleteFrom("sessions").where("username", "=", username).execute();
      if (options.audit)
        await appendAudit(trx, options.audit, {
          entity: "users",
          key: username,
          before: audited(before),
          after: audited(after, passwordChanged),
        });
      return { before, after };
    });
  }

  /** Deletes a user with their sessions and tokens; NOT_FOUND if there is none. */
  async deleteUser(username: string, options: { audit?: AuditContext; check?: UserChangeCheck } = {}): Promise<UserRecord> {
    return this.access.write(`deleting user "${username}"`, async (trx) => {
      const active = await this.lockActive(trx);
      const before = await this.requireUser(trx, username);
      options.check?.({ before, after: null, activeByRoleAfter: countByRole(active.filter((u) => u.username !== username)) });
      // Sessions and tokens follow through ON DELETE CASCADE.
      await trx.deleteFrom("users").where("username", "=", username).execute();
      if (options.audit) await appendAudit(trx, options.audit, { entity: "users", key: username, before: audited(before), after: null });
      return before;
    });
  }

  // --- sessions ---

  async createSession(session: SessionRecord): Promise<void> {
    await this.access.run("starting a session", async () => {
      await this.db
        .insertInto("sessions")
        .values({
          id_hash: session.idHash,
          username: session.username,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
          last_seen_at: session.lastSeenAt,
        })
        .execute();
    });
  }

  /** The session and its user, if the session exists (expired or not: the caller decides). */
  async findSession(idHash: string): Promise<{ session: SessionRecord; user: UserRecord } | undefined> {
    return this.access.run("reading a session", async () => {
      const s = await this.db.selectFrom("sessions").selectAll().where("id_hash", "=", idHash).executeTakeFirst();
      if (s === undefined) return undefined;
      const u = await this.db.selectFrom("users").selectAll().where("username", "=", s.username).executeTakeFirst();
      return u === undefined ? undefined : { session: toSession(s), user: toUser(u) };
    });
  }

  async touchSession(idHash: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    await this.access.run("extending a session", async () => {
      await this.db
        .updateTable("sessions")
        .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
        .where("id_hash", "=", idHash)
        .execute();
    });
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.access.run("ending a session", async () => {
      await this.db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
    });
  }

  /** Removes sessions that expired before `now`; returns how many. */
  async deleteExpiredSessions(now: string): Promise<number> {
    return this.access.run("removing expired sessions", async () => {
      const r = await this.db.deleteFrom("sessions").where("expires_at", "<", now).executeTakeFirst();
      return Number(r.numDeletedRows);
    });
  }

  // --- API tokens ---

  /** Tokens of one user, or of everyone when no user is given; oldest first. */
  async listTokens(username?: string): Promise<TokenRecord[]> {
    return this.access.run("listing API tokens", async () => {
      let q = this.db.selectFrom("api_tokens").selectAll();
      if (username !== undefined) q = q.where("username", "=", username);
      return (await q.orderBy("created_at").orderBy("id").execute()).map(toToken);
    });
  }

  async createToken(token: TokenRecord, options: { audit?: AuditContext } = {}): Promise<void> {
    await this.access.write(`creating API token "${token.name}"`, async (trx) => {
      await this.requireUser(trx, token.username);
      await trx
        .insertInto("api_tokens")
        .values({
          id: token.id,
          username: token.username,
          name: token.name,
          secret_hash: token.secretHash,
          created_at: token.createdAt,
          last_used_at: token.lastUsedAt,
        })
        .execute();
      if (options.audit)
        await appendAudit(trx, options.audit, { entity: "api_tokens", key: token.id, before: null, after: publicToken(token) });
    });
  }

  async findToken(id: string): Promise<{ token: TokenRecord; user: UserRecord } | undefined> {
    return this.access.run("reading an API token", async () => {
      const t = await this.db.selectFrom("api_tokens").selectAll().where("id", "=", id).executeTakeFirst();
      if (t === undefined) return undefined;
      const u = await this.db.selectFrom("users").selectAll().where("username", "=", t.username).executeTakeFirst();
      return u === undefined ? undefined : { token: toToken(t), user: toUser(u) };
    });
  }

  async touchToken(id: string, at: string): Promise<void> {
    await this.access.run("recording the use of an API token", async () => {
      await this.db.updateTable("api_tokens").set({ last_used_at: at }).where("id", "=", id).execute();
    });
  }

  /** Deletes a token; NOT_FOUND if there is none. `allowed` may refuse it (inside the transaction). */
  async deleteToken(id: string, options: { audit?: AuditContext; allowed?: (token: TokenRecord) => void } = {}): Promise<TokenRecord> {
    return this.access.write(`deleting API token "${id}"`, async (trx) => {
      const row = await trx.selectFrom("api_tokens").selectAll().where("id", "=", id).executeTakeFirst();
      if (row === undefined) throw new ParaatError("NOT_FOUND", `no API token "${id}"`, { details: { id } });
      const token = toToken(row);
      options.allowed?.(token);
      await trx.deleteFrom("api_tokens").where("id", "=", id).execute();
      if (options.audit) await appendAudit(trx, options.audit, { entity: "api_tokens", key: id, before: publicToken(token), after: null });
      return token;
    });
  }

  // --- helpers ---

  private bool(v: boolean): number | boolean {
    return this.access.dialect === "postgres" ? v : v ? 1 : 0;
  }

  private async requireUser(trx: Db, username: string): Promise<UserRecord> {
    const r = await trx.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
    if (r === undefined) throw new ParaatError("NOT_FOUND", `no user named "${username}"`, { details: { username } });
    return toUser(r);
  }

  /** The users that are not disabled, locked on PostgreSQL until commit so rules over them hold under concurrency. */
  private async lockActive(trx: Db): Promise<UserRecord[]> {
    const q = trx.selectFrom("users").selectAll().where("disabled", "=", this.bool(false));
    return (await (this.access.dialect === "postgres" ? q.forUpdate() : q).execute()).map(toUser);
  }
}

function countByRole(users: readonly UserRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const u of users) if (!u.disabled) out[u.role] = (out[u.role] ?? 0) + 1;
  return out;
}
