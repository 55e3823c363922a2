/** Sign-in, cookies, sign-out, API tokens, the login rate limits, and cross-site writes. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestServer, passwordOf, type TestServer } from "../test-support/server.js";

let s: TestServer;
beforeAll(async () => {
  s = await openTestServer({ loginRateLimit: { max: 8, windowMs: 60_000 } });
});
afterAll(async () => s.close());

let ip = 1;
/** Each test signs in from its own address so the per-address limits do not carry over. */
const nextAddress = (): string => `10.1.0.${ip++}`;

function cookieOf(setCookie: string | string[] | undefined): Record<string, string | true> {
  const header = [setCookie ?? []].flat()[0] ?? "";
  const [pair, ...attributes] = header.split(";").map((p) => p.trim());
  const out: Record<string, string | true> = { value: pair!.split("=").slice(1).join("=") };
  for (const a of attributes) {
    const [k, v] = a.split("=");
    out[k!.toLowerCase()] = v ?? true;
  }
  return out;
}

it("signs in with a cookie that is HttpOnly, SameSite=Strict, for the whole site, not Secure over HTTP", async () => {
  const res = await s.app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress: nextAddress(),
    payload: { username: "analyst", password: passwordOf("analyst") },
  });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ user: { username: "analyst", role: "analyst" } });
  const c = cookieOf(res.headers["set-cookie"]);
  expect(c.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(c.httponly).toBe(true);
  expect(c.samesite).toBe("Strict");
  expect(c.path).toBe("/");
  expect(c["max-age"]).toBe(String(7 * 24 * 3600));
  expect(c.secure).toBeUndefined();
  const me = await s.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: `paraat_session=${c.value as string}` } });
  expect(me.json()).toEqual({
    user: { username: "analyst", displayName: null, role: "analyst" },
    permissions: [
      "dataset:read",
      "dataset:write",
      "plan:read",
      "plan:run",
      "risk:read",
      "scenario:read",
      "scenario:write",
      "scenario:run",
      "job:read",
      "token:create",
    ],
    via: "session",
  });
});

it("marks the cookie Secure when served over HTTPS", async () => {
  const secure = await openTestServer({ secure: true });
  try {
    const res = await secure.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "viewer", password: passwordOf("viewer") },
    });
    expect(cookieOf(res.headers["set-cookie"]).secure).toBe(true);
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  } finally {
    await secure.close();
  }
});

it("refuses a wrong password without saying which part was wrong", async () => {
  const wrong = await s.app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress: nextAddress(),
    payload: { username: "analyst", password: "nope-nope-nope" },
  });
  const unknown = await s.app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress: nextAddress(),
    payload: { username: "nobody", password: "nope-nope-nope" },
  });
  expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
  expect(wrong.json()).toEqual(unknown.json());
  expect(wrong.headers["set-cookie"]).toBeUndefined();
});

it("signs out: the session ends and the cookie is cleared", async () => {
  const login = await s.app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress: nextAddress(),
    payload: { username: "fund", password: passwordOf("fund") },
  });
  const cookie = `paraat_session=${cookieOf(login.headers["set-cookie"]).value as string}`;
  const out = await s.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
  expect(out.statusCode).toBe(204);
  const cleared = cookieOf(out.headers["set-cookie"]);
  expect(cleared.value).toBe("");
  expect((await s.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(401);
});

it("treats a forged or unknown session cookie as signed out", async () => {
  const res = await s.app.inject({ method: "GET", url: "/api/datasets", headers: { cookie: "paraat_session=forged" } });
  expect([res.statusCode, res.json<{ code: string }>().code]).toEqual([401, "UNAUTHENTICATED"]);
});

it("rate-limits sign-in requests per address (429 with Retry-After)", async () => {
  const address = nextAddress();
  const codes: number[] = [];
  for (let i = 0; i < 9; i++) {
    const res = await s.app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: address,
      payload: { username: "viewer", password: passwordOf("viewer") },
    });
    codes.push(res.statusCode);
    if (res.statusCode === 429) {
      expect(res.json()).toMatchObject({ code: "RATE_LIMITED" });
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    }
  }
  expect(codes).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
  // Another address is not affected.
  const other = await s.app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress: nextAddress(),
    payload: { username: "viewer", password: passwordOf("viewer") },
  });
  expect(other.statusCode).toBe(200);
});

it("locks a username after 10 failed sign-ins, whatever the address", async () => {
  for (let i = 0; i < 10; i++) {
    const res = await s.app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: nextAddress(),
      payload: { username: "procurement", password: `wrong-${i}-xxxx` },
    });
    expect(res.statusCode).toBe(401);
  }
  const res = await s.app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress: nextAddress(),
    payload: { username: "procurement", password: passwordOf("procurement") },
  });
  expect([res.statusCode, res.json<{ code: string }>().code]).toEqual([429, "RATE_LIMITED"]);
  expect(Number(res.headers["retry-after"])).toBe(900);
});

it("authenticates API tokens as their user, and refuses bad or revoked ones", async () => {
  const created = await s.as("analyst", { method: "POST", url: "/api/tokens", payload: { name: "ci" } });
  expect(created.statusCode).toBe(200);
  const { id, token } = created.json<{ id: string; token: string }>();
  const bearer = { authorization: `Bearer ${token}` };
  const me = await s.app.inject({ method: "GET", url: "/api/auth/me", headers: bearer });
  expect(me.json()).toMatchObject({ user: { username: "analyst" }, via: "token" });
  expect((await s.app.inject({ method: "GET", url: "/api/datasets/shells/summary", headers: bearer })).statusCode).toBe(200);
  // Listed without the secret.
  const listed = (await s.as("analyst", { method: "GET", url: "/api/tokens" })).json<Record<string, unknown>[]>();
  expect(listed.find((t) => t.id === id)).toEqual({
    id,
    username: "analyst",
    name: "ci",
    createdAt: expect.any(String) as unknown,
    lastUsedAt: expect.any(String) as unknown,
  });
  expect(JSON.stringify(listed)).not.toContain(token.split(".")[1]);
  // A token cannot create tokens.
  const minted = await s.app.inject({ method: "POST", url: "/api/tokens", headers: bearer, payload: { name: "more" } });
  expect([minted.statusCode, minted.json<{ code: string }>().code]).toEqual([403, "FORBIDDEN"]);
  const bad = await s.app.inject({ method: "GET", url: "/api/datasets", headers: { authorization: `Bearer ${token.slice(0, -2)}xx` } });
  expect([bad.statusCode, bad.json<{ code: string }>().code]).toEqual([401, "UNAUTHENTICATED"]);
  // Another user cannot revoke it; its owner can.
  expect((await s.as("fund", { method: "DELETE", url: `/api/tokens/${id}` })).statusCode).toBe(404);
  expect((await s.as("analyst", { method: "DELETE", url: `/api/tokens/${id}` })).statusCode).toBe(204);
  expect((await s.app.inject({ method: "GET", url: "/api/datasets", headers: bearer })).statusCode).toBe(401);
});

it("refuses writes that a browser marks as cross-site", async () => {
  const cross = await s.as("analyst", {
    method: "POST",
    url: "/api/datasets/shells/plan",
    headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    payload: {},
  });
  expect([cross.statusCode, cross.json<{ code: string }>().code]).toEqual([403, "FORBIDDEN"]);
  const otherOrigin = await s.as("analyst", {
    method: "POST",
    url: "/api/datasets/shells/plan",
    headers: { origin: "http://other.example:4000" },
    payload: {},
  });
  expect(otherOrigin.statusCode).toBe(403);
  const same = await s.as("analyst", {
    method: "POST",
    url: "/api/datasets/shells/plan",
    headers: { "sec-fetch-site": "same-origin", origin: "http://localhost:80" },
    payload: {},
  });
  expect([200, 202]).toContain(same.statusCode);
  // Reads are not affected.
  expect((await s.as("analyst", { method: "GET", url: "/api/datasets", headers: { "sec-fetch-site": "cross-site" } })).statusCode).toBe(
    200,
  );
});

it("ends a disabled user's access at once", async () => {
  const login = await s.app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress: nextAddress(),
    payload: { username: "viewer", password: passwordOf("viewer") },
  });
  const cookie = `paraat_session=${cookieOf(login.headers["set-cookie"]).value as string}`;
  expect((await s.as("admin", { method: "PATCH", url: "/api/users/viewer", payload: { disabled: true } })).statusCode).toBe(200);
  expect((await s.app.inject({ method: "GET", url: "/api/datasets", headers: { cookie } })).statusCode).toBe(401);
  expect((await s.as("admin", { method: "PATCH", url: "/api/users/viewer", payload: { disabled: false } })).statusCode).toBe(200);
});
