import { describe, expect, it } from "vitest";
import { PBKDF2_ITERATIONS, hashPassword, verifyPassword } from "../../src/domain/password";

describe("password hashing", () => {
  it("pins PBKDF2 at exactly 100,000 iterations, the most deployed Workers accept", () => {
    expect(PBKDF2_ITERATIONS).toBe(100000);
  });

  it("stores scheme, iteration count, a 16-byte salt and a 32-byte hash with each password", async () => {
    const stored = await hashPassword("correct horse battery");
    const [scheme, iterations, salt, hash] = stored.split("$");
    expect(scheme).toBe("pbkdf2-sha256");
    expect(iterations).toBe("100000");
    expect(atob(salt)).toHaveLength(16);
    expect(atob(hash)).toHaveLength(32);
  });

  it("salts per password: the same password hashes differently twice", async () => {
    expect(await hashPassword("same-password-1")).not.toBe(await hashPassword("same-password-1"));
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("正确的密码-2023");
    expect(await verifyPassword("正确的密码-2023", stored)).toBe(true);
    expect(await verifyPassword("正确的密码-2024", stored)).toBe(false);
  });

  it("still verifies a hash made with a lower count, so the count can be changed later", async () => {
    const stored = await hashPassword("older-password", 1000);
    expect(stored.startsWith("pbkdf2-sha256$1000$")).toBe(true);
    expect(await verifyPassword("older-password", stored)).toBe(true);
  });

  it("refuses hashes above the deployable count, of an unknown scheme, or malformed", async () => {
    const stored = await hashPassword("some-password");
    const [, , salt, hash] = stored.split("$");
    expect(await verifyPassword("some-password", `pbkdf2-sha256$200000$${salt}$${hash}`)).toBe(false);
    expect(await verifyPassword("some-password", `bcrypt$100000$${salt}$${hash}`)).toBe(false);
    expect(await verifyPassword("some-password", "pbkdf2-sha256$abc$$")).toBe(false);
  });
});
