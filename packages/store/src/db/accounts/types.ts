/** Account records as the repository hands them to the services (which hash and check secrets). */

export interface UserRecord {
  username: string;
  displayName: string | null;
  role: string;
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A user as shown anywhere outside the repository: never the password hash. */
export interface PublicUser {
  username: string;
  displayName: string | null;
  role: string;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export type UserPatch = Partial<Pick<UserRecord, "displayName" | "role" | "passwordHash" | "disabled">>;

export interface SessionRecord {
  idHash: string;
  username: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface TokenRecord {
  id: string;
  username: string;
  name: string;
  secretHash: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** A token as listed: never its secret or hash. */
export type PublicToken = Omit<TokenRecord, "secretHash">;

/**
 * Called inside the transaction of a user change, before anything is written; throws to refuse
 * the change. `activeByRoleAfter` counts the users that are not disabled, per role, as they would
 * be after the change (the rows are locked, so concurrent changes cannot both pass).
 */
export type UserChangeCheck = (change: {
  before: UserRecord | null;
  after: UserRecord | null;
  activeByRoleAfter: Record<string, number>;
}) => void;
