// After sign-in only same-site paths are followed: the known bypass shapes fall back to the default.
import { describe, expect, it } from "vitest";
import { safeRedirect, safeReturnPath } from "@/lib/safe-return-path";

const BYPASSES = [
  "/.//evil.com",
  "/a/..//evil.com",
  "/./\\evil.com",
  "/\\evil.com",
  "\\\\evil.com",
  "//evil.com",
  "///evil.com",
  "/%2F%2Fevil.com/..",
  "%2F%2Fevil.com",
  "/%5Cevil.com",
  "/\t/evil.com",
  "/\n/evil.com",
  "/\r\n/evil.com",
  " //evil.com",
  "https:evil.com",
  "https://evil.com/settings",
  "http:/evil.com",
  "javascript:alert(1)",
  "data:text/html,hi",
  "/%0a/evil.com",
  "/..%2F/evil.com",
];

describe("safeReturnPath", () => {
  it.each(BYPASSES)("never leaves the site for %j", (value) => {
    const path = safeReturnPath(value);
    // Whatever comes back stays on this site as a browser resolves it, also after one more decoding.
    expect(new URL(path, "https://app.example").origin).toBe("https://app.example");
    expect(new URL(decodeURIComponent(path), "https://app.example").origin).toBe("https://app.example");
    expect(path).toMatch(/^\/(?![/\\])/);
  });

  it("falls back for the shapes that normalize to another host", () => {
    for (const value of ["/.//evil.com", "/a/..//evil.com", "/\\evil.com", "/\t/evil.com", "https:evil.com", "%2F%2Fevil.com", "/%5Cevil.com"]) {
      expect(safeReturnPath(value), value).toBe("/settings/account");
    }
  });

  it("keeps same-site paths with their query", () => {
    expect(safeReturnPath("/acme-data/sources/3")).toBe("/acme-data/sources/3");
    expect(safeReturnPath("/a/../settings/team")).toBe("/settings/team");
    expect(safeReturnPath(undefined)).toBe("/settings/account");
  });

  it("next-auth's redirect stays on the site", () => {
    expect(safeRedirect("https://app.example/.//evil.com", "https://app.example")).toBe("https://app.example/");
    expect(safeRedirect("https://evil.com/x", "https://app.example")).toBe("https://app.example/");
    expect(safeRedirect("/sources", "https://app.example")).toBe("https://app.example/sources");
    expect(safeRedirect("https://app.example/settings/team", "https://app.example/")).toBe("https://app.example/settings/team");
  });
});
