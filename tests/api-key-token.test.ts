import { describe, expect, it } from "vitest";
import { API_KEY_LENGTH, API_KEY_PREFIX, generateApiKey, isWellFormedApiKey, lastFourOf } from "@/lib/api-keys/token";
import { hashApiKey } from "@/lib/api-keys/hash";

describe("API key format", () => {
  it("is the prefix, 43 base62 characters of 32 random bytes and a 6-character checksum", () => {
    const key = generateApiKey();
    expect(key.startsWith(API_KEY_PREFIX)).toBe(true);
    expect(key).toHaveLength(API_KEY_LENGTH);
    expect(key).toMatch(/^bobbin_[0-9A-Za-z]{49}$/);
    expect(isWellFormedApiKey(key)).toBe(true);
    expect(lastFourOf(key)).toBe(key.slice(-4));
  });

  it("never repeats and spreads over the whole alphabet (entropy sanity check)", () => {
    const keys = Array.from({ length: 2000 }, generateApiKey);
    expect(new Set(keys).size).toBe(keys.length);
    const bodies = keys.map((k) => k.slice(API_KEY_PREFIX.length, -6)).join("");
    expect(new Set(bodies).size).toBe(62);
  });

  it("rejects look-alikes offline: any changed character, wrong prefix or length", () => {
    const key = generateApiKey();
    let rejected = 0;
    for (let i = API_KEY_PREFIX.length; i < key.length; i++) {
      const c = key[i] === "a" ? "b" : "a";
      if (!isWellFormedApiKey(key.slice(0, i) + c + key.slice(i + 1))) rejected++;
    }
    expect(rejected).toBe(key.length - API_KEY_PREFIX.length);
    expect(isWellFormedApiKey("sk_live_" + key.slice(API_KEY_PREFIX.length))).toBe(false);
    expect(isWellFormedApiKey(key + "0")).toBe(false);
    expect(isWellFormedApiKey(key.slice(0, -1))).toBe(false);
    expect(isWellFormedApiKey("")).toBe(false);
  });

  it("hashes with HMAC-SHA256 under the pepper: stable per pepper, different across peppers", () => {
    const key = generateApiKey();
    expect(hashApiKey(key, "pepper-one")).toBe(hashApiKey(key, "pepper-one"));
    expect(hashApiKey(key, "pepper-one")).not.toBe(hashApiKey(key, "pepper-two"));
    expect(hashApiKey(key, "pepper-one")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashApiKey(key, "pepper-one")).not.toContain(key.slice(-8));
  });
});
