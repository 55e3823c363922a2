/** Kysely's view of the account tables (migration 20261128120000-accounts-audit). */

export interface UsersTable {
  username: string;
  display_name: string | null;
  role: string;
  password_hash: string;
  /** 0/1 on SQLite, boolean on PostgreSQL. */
  disabled: number | boolean;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the session id; the id itself lives only in the user's cookie. */
  id_hash: string;
  username: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  /** Public part of the token, shown in lists. */
  id: string;
  username: string;
  name: string;
  /** SHA-256 of the secret part; the secret is shown once at creation. */
  secret_hash: string;
  created_at: string;
  last_used_at: string | null;
}

export interface AccountsDatabase {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
}
