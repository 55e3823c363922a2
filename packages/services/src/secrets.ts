/**
 * Session ids and API token secrets: 32 random bytes, stored only as their SHA-256. A fast hash
 * is enough here (unlike passwords) because the secrets are random and long.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function digest(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("base64url");
}

export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
