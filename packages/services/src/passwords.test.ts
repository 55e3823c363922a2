import { expect, it } from "vitest";
import { generatePassword, hashPassword, testScryptCost, verifyPassword } from "./passwords.js";

it("verifies the right password and rejects others", async () => {
  const stored = await hashPassword("correct horse battery", testScryptCost);
  expect(await verifyPassword("correct horse battery", stored)).toBe(true);
  expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
  expect(await verifyPassword("", stored)).toBe(false);
});

it("stores the parameters and a fresh salt with every hash", async () => {
  const a = await hashPassword("same password", testScryptCost);
  const b = await hashPassword("same password", testScryptCost);
  expect(a).not.toBe(b);
  const [scheme, n, r, p, salt, key] = a.split("$");
  expect([scheme, n, r, p]).toEqual(["scrypt", "1024", "8", "1"]);
  expect(Buffer.from(salt!, "base64")).toHaveLength(16);
  expect(Buffer.from(key!, "base64")).toHaveLength(32);
  expect(a).not.toContain("same password");
});

it("treats composed and decomposed accents as the same password", async () => {
  const stored = await hashPassword("caf\u00e9-wachtwoord", testScryptCost);
  expect(await verifyPassword("cafe\u0301-wachtwoord", stored)).toBe(true);
});

it("checks a hash made with other parameters by the parameters stored in it", async () => {
  const stored = await hashPassword("older password", { N: 2 ** 11, r: 4, p: 2 });
  expect(stored.startsWith("scrypt$2048$4$2$")).toBe(true);
  expect(await verifyPassword("older password", stored)).toBe(true);
});

it("rejects a stored value that is not a scrypt hash", async () => {
  await expect(verifyPassword("x", "md5$abc")).rejects.toMatchObject({ code: "INTERNAL" });
});

it("generates passwords of the asked length from an unambiguous alphabet", () => {
  const seen = new Set<string>();
  for (let i = 0; i < 50; i++) {
    const p = generatePassword();
    expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    seen.add(p);
  }
  expect(seen.size).toBe(50);
  expect(generatePassword(32)).toHaveLength(32);
});
