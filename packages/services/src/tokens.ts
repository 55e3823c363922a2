/**
 * API tokens for automation: `prt_<id>.<secret>`. The id is public (listed, named in the audit
 * log); the secret is shown once at creation and stored only as its hash. A token acts as its
 * user, with the user's current role; it cannot create further tokens.
 */
import { ParaatError } from "@paraat/core";
import { publicToken, type Accounts, type PublicToken } from "@paraat/store";
import type { Actor } from "./actor.js";
import { parseInput } from "./input-issues.js";
import { can, isRole, requirePermission } from "./permissions.js";
import { digest, randomSecret, sameDigest } from "./secrets.js";
import { tokenNameSchema } from "./user-schemas.js";

const TOKEN_PATTERN = /^prt_([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/;
const TOUCH_EVERY_MS = 60_000;

export interface CreatedToken {
  id: string;
  name: string;
  /** The whole token, to be shown once. */
  token: string;
}

export class TokenService {
  constructor(
    private readonly accounts: Accounts,
    private readonly now: () => Date,
  ) {}

  /** The actor's own tokens. */
  async list(actor: Actor): Promise<PublicToken[]> {
    return (await this.accounts.listTokens(actor.username)).map(publicToken);
  }

  async create(actor: Actor, name: string): Promise<CreatedToken> {
    requirePermission(actor, "token:create");
    if (actor.via === "token") throw new ParaatError("FORBIDDEN", "an API token cannot create tokens; sign in to create one");
    const cleanName = parseInput(tokenNameSchema, name, "body");
    const id = randomSecret(8);
    const idHex = Buffer.from(id, "base64url").toString("hex");
    const secret = randomSecret(32);
    await this.accounts.createToken(
      {
        id: idHex,
        username: actor.username,
        name: cleanName,
        secretHash: digest(secret),
        createdAt: this.now().toISOString(),
        lastUsedAt: null,
      },
      { audit: { actor: actor.username, action: "token.create" } },
    );
    return { id: idHex, name: cleanName, token: `prt_${idHex}.${secret}` };
  }

  /** One's own token, or anyone's with user:admin. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.accounts.deleteToken(id, {
      audit: { actor: actor.username, action: "token.delete" },
      allowed: (t) => {
        if (t.username !== actor.username && !can(actor.role, "user:admin"))
          // Not revealing that someone else's token exists.
          throw new ParaatError("NOT_FOUND", `no API token "${id}"`, { details: { id } });
      },
    });
  }

  /** The actor a bearer token stands for; undefined if it is malformed, unknown, or its user disabled. */
  async authenticate(bearer: string): Promise<Actor | undefined> {
    const m = TOKEN_PATTERN.exec(bearer);
    if (m === null) return undefined;
    const [, id, secret] = m as unknown as [string, string, string];
    const found = await this.accounts.findToken(id);
    if (found === undefined || !sameDigest(found.token.secretHash, digest(secret))) return undefined;
    const { token, user } = found;
    if (user.disabled || !isRole(user.role)) return undefined;
    const t = this.now();
    if (token.lastUsedAt === null || t.getTime() - Date.parse(token.lastUsedAt) >= TOUCH_EVERY_MS)
      await this.accounts.touchToken(id, t.toISOString());
    return { username: user.username, role: user.role, displayName: user.displayName, via: "token", tokenId: id };
  }
}
