// The client address behind N reverse proxies: the hop the nearest trusted proxy saw, never one the client wrote.
import { describe, expect, it } from "vitest";
import { requestMetaFrom, trustedProxies } from "@/lib/request-meta";

const from = (xff: string | undefined, proxies?: number) =>
  requestMetaFrom(new Headers({ ...(xff === undefined ? {} : { "x-forwarded-for": xff }), "user-agent": "curl/8" }), proxies).ip;

describe("client address", () => {
  it("is the socket address next start wrote when nothing else is there", () => {
    expect(from("203.0.113.7", 1)).toBe("203.0.113.7");
    expect(requestMetaFrom({ "x-forwarded-for": "203.0.113.7", "user-agent": "curl/8" }, 1)).toEqual({ ip: "203.0.113.7", userAgent: "curl/8" });
  });

  it("behind one proxy ignores the hops a client put before it", () => {
    expect(from("1.2.3.4, 5.6.7.8, 198.51.100.9", 1)).toBe("198.51.100.9");
  });

  it("behind two proxies is the hop the outer proxy appended", () => {
    expect(from("1.2.3.4, 198.51.100.9, 10.0.0.2", 2)).toBe("198.51.100.9");
    expect(from("198.51.100.9", 2)).toBe("198.51.100.9");
  });

  it("is unknown without the header", () => {
    expect(from(undefined, 1)).toBeNull();
    expect(from(" , ", 1)).toBeNull();
  });

  it("reads TRUSTED_PROXIES as a small positive count, 1 otherwise", () => {
    expect(trustedProxies(undefined)).toBe(1);
    expect(trustedProxies("2")).toBe(2);
    for (const bad of ["0", "-1", "1.5", "abc", "", "99"]) expect(trustedProxies(bad)).toBe(1);
  });
});
