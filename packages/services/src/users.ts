/**
 * Users: creating, changing and removing accounts (audited), checking passwords, and the first
 * admin. Rules: names and passwords as user-schemas.ts says; the last active admin can be neither
 * demoted, disabled nor removed; nobody disables or removes their own account.
 */
import { ParaatError } from "@paraat/core";
import { publicUser, type Accounts, type PublicUser, type UserChangeCheck, type UserRecord } from "@paraat/store";
import type { Actor } from "./actor.js";
import { parseInput } from "./input-issues.js";
import { generatePassword, hashPassword, verifyPassword, type ScryptCost } from "./passwords.js";
import { isRole, requirePermission } from "./permissions.js";
import { newUserSchema, userChangeSchema, type NewUser, type UserChange } from "./user-schemas.js";

export const INITIAL_ADMIN = "admin";

const keepAnAdmin: UserChangeCheck = ({ before, activeByRoleAfter }) => {
  if (before?.role === "admin" && !before.disabled && (activeByRoleAfter.admin ?? 0) === 0)
    throw new ParaatError("CONFLICT", `${before.username} is the last active admin; make another user admin first`, {
      details: { username: before.username },
    });
};

export class UserService {
  /** Verifying against this when the user does not exist keeps the time of a failed sign-in the same. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly accounts: Accounts,
    private readonly cost: ScryptCost,
    private readonly now: () => Date,
  ) {}

  async list(actor: Actor): Promise<PublicUser[]> {
    requirePermission(actor, "user:admin");
    return (await this.accounts.listUsers()).map(publicUser);
  }

  async get(actor: Actor, username: string): Promise<PublicUser> {
    if (username !== actor.username) requirePermission(actor, "user:admin");
    const u = await this.accounts.findUser(username);
    if (u === undefined) throw new ParaatError("NOT_FOUND", `no user named "${username}"`, { details: { username } });
    return publicUser(u);
  }

  /**
   * The command line acting as a stored user (`--as NAME`): that user's role and name, so the
   * permissions and the audit log are the user's. A disabled account may not act.
   */
  async actAs(username: string): Promise<Actor> {
    const u = await this.accounts.findUser(username);
    if (u === undefined) throw new ParaatError("NOT_FOUND", `--as: no user named "${username}"`, { details: { username } });
    if (u.disabled || !isRole(u.role))
      throw new ParaatError("FORBIDDEN", `--as: the account ${username} is disabled`, { details: { username } });
    return { username: u.username, role: u.role, displayName: u.displayName, via: "cli" };
  }

  async create(actor: Actor, input: NewUser): Promise<PublicUser> {
    requirePermission(actor, "user:admin");
    const v = parseInput(newUserSchema, input);
    const at = this.now().toISOString();
    const record: UserRecord = {
      username: v.username,
      displayName: v.displayName ?? null,
      role: v.role,
      passwordHash: await hashPassword(v.password, this.cost),
      disabled: false,
      createdAt: at,
      updatedAt: at,
    };
    return publicUser(await this.accounts.createUser(record, { audit: { actor: actor.username, action: "user.create" } }));
  }

  async update(actor: Actor, username: string, change: UserChange): Promise<PublicUser> {
    requirePermission(actor, "user:admin");
    const v = parseInput(userChangeSchema, change);
    if (v.disabled === true && username === actor.username)
      throw new ParaatError("CONFLICT", "you cannot disable your own account", { details: { username } });
    const { after } = await this.accounts.updateUser(
      username,
      {
        ...(v.role === undefined ? {} : { role: v.role }),
        ...(v.displayName === undefined ? {} : { displayName: v.displayName }),
        ...(v.disabled === undefined ? {} : { disabled: v.disabled }),
        ...(v.password === undefined ? {} : { passwordHash: await hashPassword(v.password, this.cost) }),
      },
      { audit: { actor: actor.username, action: "user.update" }, check: keepAnAdmin, now: this.now().toISOString() },
    );
    return publicUser(after);
  }

  async remove(actor: Actor, username: string): Promise<void> {
    requirePermission(actor, "user:admin");
    if (username === actor.username) throw new ParaatError("CONFLICT", "you cannot remove your own account", { details: { username } });
    await this.accounts.deleteUser(username, { audit: { actor: actor.username, action: "user.delete" }, check: keepAnAdmin });
  }

  /** The user if the password is right and the account enabled; undefined otherwise, in about the same time either way. */
  async verify(username: string, password: string): Promise<UserRecord | undefined> {
    const user = await this.accounts.findUser(username);
    if (user === undefined) {
      this.dummyHash ??= hashPassword(generatePassword(), this.cost);
      await verifyPassword(password, await this.dummyHash);
      return undefined;
    }
    const ok = await verifyPassword(password, user.passwordHash);
    return ok && !user.disabled ? user : undefined;
  }

  /**
   * On first start with no users at all: creates `admin` with a generated password and returns it
   * (to be shown once). Undefined when there are users already.
   */
  async ensureInitialAdmin(actor: Actor): Promise<{ username: string; password: string } | undefined> {
    if ((await this.accounts.countUsers()) > 0) return undefined;
    const password = generatePassword();
    try {
      await this.create(actor, { username: INITIAL_ADMIN, role: "admin", password, displayName: "Administrator" });
    } catch (e) {
      // Another process created it between the count and the insert.
      if (e instanceof ParaatError && e.code === "CONFLICT") return undefined;
      throw e;
    }
    return { username: INITIAL_ADMIN, password };
  }
}
