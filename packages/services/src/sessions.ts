/**
 * Signing in and out. A session id is a random secret kept in the user's cookie; the database
 * holds only its hash, the user and the expiry. Sessions expire after a time without use and, in
 * any case, after a maximum age. Failed sign-ins are throttled per username and per address.
 */
import { ParaatError } from "@paraat/core";
import { publicUser, type Accounts, type PublicUser } from "@paraat/store";
import type { Actor } from "./actor.js";
import { LoginThrottle, type ThrottleRule } from "./login-throttle.js";
import { isRole } from "./permissions.js";
import { digest, randomSecret } from "./secrets.js";
import type { UserService } from "./users.js";

export interface SessionPolicy {
  /** A session ends after this long without a request. Default 8 hours. */
  idleMs: number;
  /** … and this long after sign-in at the latest. Default 7 days. */
  maxAgeMs: number;
  /** Failed sign-ins allowed per username in the window. Default 10 per 15 minutes. */
  perUser: ThrottleRule;
  /** Failed sign-ins allowed per client address in the window. Default 30 per 15 minutes. */
  perAddress: ThrottleRule;
}

export const defaultSessionPolicy: SessionPolicy = {
  idleMs: 8 * 3600_000,
  maxAgeMs: 7 * 24 * 3600_000,
  perUser: { failures: 10, windowMs: 15 * 60_000 },
  perAddress: { failures: 30, windowMs: 15 * 60_000 },
};

/** The expiry is moved on at most this often, so reads do not all write. */
const TOUCH_EVERY_MS = 60_000;

export interface SignedIn {
  /** The secret for the cookie; shown nowhere else. */
  sessionId: string;
  user: PublicUser;
  expiresAt: string;
}

export class SessionService {
  private readonly userThrottle: LoginThrottle;
  private readonly addressThrottle: LoginThrottle;

  constructor(
    private readonly accounts: Accounts,
    private readonly users: UserService,
    private readonly policy: SessionPolicy,
    private readonly now: () => Date,
  ) {
    const ms = (): number => this.now().getTime();
    this.userThrottle = new LoginThrottle(policy.perUser, ms);
    this.addressThrottle = new LoginThrottle(policy.perAddress, ms);
  }

  /** UNAUTHENTICATED for a wrong name or password (the message does not say which); RATE_LIMITED after too many failures. */
  async login(username: string, password: string, address: string): Promise<SignedIn> {
    const userKey = username.toLowerCase();
    this.userThrottle.check([userKey]);
    this.addressThrottle.check([address]);
    const user = await this.users.verify(username, password);
    if (user === undefined) {
      this.userThrottle.fail([userKey]);
      this.addressThrottle.fail([address]);
      throw new ParaatError("UNAUTHENTICATED", "wrong username or password, or the account is disabled");
    }
    this.userThrottle.clear(userKey);
    const sessionId = randomSecret();
    const t = this.now();
    const expiresAt = new Date(t.getTime() + Math.min(this.policy.idleMs, this.policy.maxAgeMs)).toISOString();
    await this.accounts.createSession({
      idHash: digest(sessionId),
      username: user.username,
      createdAt: t.toISOString(),
      expiresAt,
      lastSeenAt: t.toISOString(),
    });
    return { sessionId, user: publicUser(user), expiresAt };
  }

  /** The actor of a live session, extending it; undefined if the session is unknown, expired or its user disabled. */
  async authenticate(sessionId: string): Promise<Actor | undefined> {
    const idHash = digest(sessionId);
    const found = await this.accounts.findSession(idHash);
    if (found === undefined) return undefined;
    const { session, user } = found;
    const t = this.now();
    if (session.expiresAt <= t.toISOString() || user.disabled || !isRole(user.role)) {
      if (session.expiresAt <= t.toISOString()) await this.accounts.deleteSession(idHash);
      return undefined;
    }
    if (t.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) {
      const latest = Date.parse(session.createdAt) + this.policy.maxAgeMs;
      const expiresAt = new Date(Math.min(t.getTime() + this.policy.idleMs, latest)).toISOString();
      await this.accounts.touchSession(idHash, t.toISOString(), expiresAt);
    }
    return { username: user.username, role: user.role, displayName: user.displayName, via: "session" };
  }

  async logout(sessionId: string): Promise<void> {
    await this.accounts.deleteSession(digest(sessionId));
  }

  /** Housekeeping, e.g. hourly: forgets expired sessions. */
  async prune(): Promise<number> {
    return this.accounts.deleteExpiredSessions(this.now().toISOString());
  }

  /** The session's cookie lifetime in seconds (the server may end it earlier). */
  get cookieMaxAgeSeconds(): number {
    return Math.floor(this.policy.maxAgeMs / 1000);
  }
}
