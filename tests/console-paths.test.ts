// Console URLs under the account: links, the switcher's target, and where an old URL now lives.
import { describe, expect, it } from "vitest";
import { accountPath, accountUrl, movedConsolePath, switchAccountPath } from "../lib/console-paths";

describe("console paths", () => {
  it("put the account's slug first", () => {
    expect(accountPath("acme-data", "/sources/3")).toBe("/acme-data/sources/3");
    expect(accountUrl("https://bobbin.example/", "acme-data", "/settings/account")).toBe("https://bobbin.example/acme-data/settings/account");
  });

  it("switch to the same section of the other account, from a detail page to its list", () => {
    expect(switchAccountPath("/acme-data/settings/team", "globex")).toBe("/globex/settings/team");
    expect(switchAccountPath("/acme-data/sources/new", "globex")).toBe("/globex/sources/new");
    expect(switchAccountPath("/acme-data/sources/42", "globex")).toBe("/globex/sources");
    expect(switchAccountPath("/acme-data/settings/account/keys/7", "globex")).toBe("/globex/settings/account");
    expect(switchAccountPath("/acme-data/elsewhere", "globex")).toBe("/globex/settings/account");
  });

  it("move an old URL to the account's page, keeping its query but the account", () => {
    const q = (s: string) => new URLSearchParams(s);
    expect(movedConsolePath("b", "/settings/team", q("account=b"))).toBe("/b/settings/team");
    expect(movedConsolePath("b", "/settings/activity", q("account=b&page=2"))).toBe("/b/settings/activity?page=2");
    expect(movedConsolePath("a", "/", q(""))).toBe("/a/settings/account");
    expect(movedConsolePath("a", "/settings", q(""))).toBe("/a/settings/account");
    expect(movedConsolePath("a", "/sources/3", q("tab=log&account=x"))).toBe("/a/sources/3?tab=log");
  });
});
