import { describe, expect, it } from "vitest";
import { createApiKeySchema } from "@/lib/validation/api-keys";

const parse = (description: unknown) => createApiKeySchema.safeParse({ accountId: "3", description });

describe("key description rules", () => {
  it("trims and accepts 1–100 characters, including emoji and right-to-left text", () => {
    expect(parse("  Used by Airflow  ").data?.description).toBe("Used by Airflow");
    expect(parse("x".repeat(100)).success).toBe(true);
    expect(parse("מפתח לסקריפט 🚀").success).toBe(true);
  });

  it("refuses empty, too long, and control or bidi-override characters with a message", () => {
    expect(parse("   ").error?.issues[0].message).toBe("Enter a description.");
    expect(parse(undefined).error?.issues[0].message).toBe("Enter a description.");
    expect(parse("x".repeat(101)).error?.issues[0].message).toBe("Use at most 100 characters.");
    expect(parse("x".repeat(10_000)).success).toBe(false);
    for (const bad of ["line\nbreak", "nul\u0000byte", "tab\there", "spoof\u202Etxt.exe"]) {
      expect(parse(bad).error?.issues[0].message).toMatch(/control characters/);
    }
  });
});
