/**
 * Accounts and the audit log: users, their sessions and API tokens, and an append-only log of
 * every change. Secrets (session ids, token secrets) are stored only as hashes. The audit log has
 * no foreign keys so it outlives the users and datasets it mentions, and triggers refuse any
 * UPDATE or DELETE of its rows: it can only grow.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "../../store.js";

const APPEND_ONLY = "the audit log is append-only";

export function accountsAudit(dialect: Dialect): Migration {
  const strict = dialect === "sqlite" ? sql`strict` : sql``;
  const bool = dialect === "postgres" ? sql`boolean` : sql`integer`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("users")
        .addColumn("username", "text", (c) => c.primaryKey())
        .addColumn("display_name", "text")
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("disabled", bool, (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      await db.schema
        .createTable("sessions")
        .addColumn("id_hash", "text", (c) => c.primaryKey())
        .addColumn("username", "text", (c) => c.notNull().references("users.username").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("last_seen_at", "text", (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      await db.schema.createIndex("sessions_username").on("sessions").column("username").execute();
      await db.schema
        .createTable("api_tokens")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("username", "text", (c) => c.notNull().references("users.username").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("secret_hash", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_used_at", "text")
        .modifyEnd(strict)
        .execute();
      await db.schema.createIndex("api_tokens_username").on("api_tokens").column("username").execute();
      await db.schema
        .createTable("audit_log")
        .addColumn("id", "integer", (c) =>
          dialect === "postgres" ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
        )
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("dataset", "text")
        .addColumn("entity", "text")
        .addColumn("key", "text")
        // JSON text, null when there was nothing before (a creation) or after (a deletion).
        .addColumn("before", "text")
        .addColumn("after", "text")
        .modifyEnd(strict)
        .execute();
      await db.schema.createIndex("audit_log_dataset").on("audit_log").columns(["dataset", "id"]).execute();
      await db.schema.createIndex("audit_log_actor").on("audit_log").columns(["actor", "id"]).execute();
      if (dialect === "postgres") {
        await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
          begin raise exception ${sql.lit(APPEND_ONLY)}; end $$`.execute(db);
        await sql`create trigger audit_log_append_only before update or delete on audit_log
          for each row execute function audit_log_append_only()`.execute(db);
      } else {
        for (const op of ["update", "delete"])
          await sql`create trigger ${sql.id(`audit_log_no_${op}`)} before ${sql.raw(op)} on audit_log
            begin select raise(abort, ${sql.lit(APPEND_ONLY)}); end`.execute(db);
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      // Dropping the table drops its triggers; the PostgreSQL function goes separately.
      await db.schema.dropTable("audit_log").execute();
      if (dialect === "postgres") await sql`drop function audit_log_append_only()`.execute(db);
      await db.schema.dropTable("api_tokens").execute();
      await db.schema.dropTable("sessions").execute();
      await db.schema.dropTable("users").execute();
    },
  };
}
