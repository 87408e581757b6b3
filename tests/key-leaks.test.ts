// Leak reports (POST /v4/key-leaks): signed by the scanner's ECDSA P-256 key; a true positive is disabled and
// audited at once, a false positive changes nothing; unsigned or badly signed reports change nothing.
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import net from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { emailLeakNotice, parseLeakPublicKeys, type LeakedKeyNotice } from "@/lib/api-keys/leaks";
import { createApiKey } from "@/lib/api-keys/service";
import { generateApiKey } from "@/lib/api-keys/token";
import { prismaKeyStore, verifyApiKey } from "@/lib/api-keys/verify";
import { keyLeakResponse, KEY_LEAK_LIMIT, type KeyLeakServices } from "@/lib/http/key-leaks";
import { databaseRateLimitStore } from "@/lib/rate-limit/database";
import { freshDb } from "./helpers/db";
import { seedAccount } from "./helpers/accounts";

const PEPPER = "test-pepper-0123456789-0123456789-abcdef";
const KEY_ID = "90a421169f0a406205f1563a953312f0be898d3c7b6c06b681aa86a874555f4a";

function keyPair() {
  return generateKeyPairSync("ec", { namedCurve: "prime256v1" });
}
const scanner = keyPair();
const stranger = keyPair();
// The operator's setting, in the shape GitHub publishes its keys.
const CONFIG = JSON.stringify({ public_keys: [{ key_identifier: KEY_ID, key: scanner.publicKey.export({ type: "spki", format: "pem" }), is_current: true }] });

const { db } = await freshDb();
const store = prismaKeyStore(db);
const notices: LeakedKeyNotice[] = [];
let address = 0;

function services(): KeyLeakServices {
  return { db, limits: databaseRateLimitStore(db), pepper: PEPPER, publicKeys: parseLeakPublicKeys(CONFIG), notify: async (n) => (notices.push(n), true) };
}

function report(items: object[], signer?: { key: KeyObject; id?: string }, ip = `198.51.100.${++address}`) {
  const body = JSON.stringify(items);
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": ip };
  if (signer) {
    headers["Github-Public-Key-Identifier"] = signer.id ?? KEY_ID;
    headers["Github-Public-Key-Signature"] = sign("sha256", Buffer.from(body), signer.key).toString("base64");
  }
  return new Request("http://localhost/v4/key-leaks", { method: "POST", headers, body });
}

async function liveKey() {
  const acct = await seedAccount(db, { members: 2 });
  const r = await createApiKey(db, { workspaceId: acct.workspaceId, userId: acct.users[1].id }, "deploy script", PEPPER);
  if (!r.ok) throw new Error(r.message);
  return { acct, key: r.value.key, plaintext: r.value.plaintext };
}

const leakEvents = (workspaceId: number) => db.auditEvent.findMany({ where: { workspaceId, action: "key.leaked" } });

afterEach(() => vi.restoreAllMocks());

describe("POST /v4/key-leaks", () => {
  it("a validly signed report disables a live key at once, audits where it was found and tells the owners; a look-alike is a false positive", async () => {
    const logged: string[] = [];
    for (const level of ["log", "error", "warn", "info"] as const) vi.spyOn(console, level).mockImplementation((...args) => void logged.push(args.join(" ")));
    const { acct, key, plaintext } = await liveKey();
    const other = await liveKey();
    const lookAlike = generateApiKey();
    const url = "https://github.com/octocat/Hello-World/blob/12345600b9cbe38a219f39a9941c9319b600c002/foo/bar.txt";
    const response = await keyLeakResponse(
      report(
        [
          { token: plaintext, type: "bobbin_api_key", url, source: "content" },
          { token: lookAlike, type: "bobbin_api_key", url, source: "content" },
          { token: "not-even-a-key", type: "bobbin_api_key", url: "https://example.test", source: "npm" },
        ],
        { key: scanner.privateKey },
      ),
      services(),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      { token_raw: plaintext, token_type: "bobbin_api_key", label: "true_positive" },
      { token_raw: lookAlike, token_type: "bobbin_api_key", label: "false_positive" },
      { token_raw: "not-even-a-key", token_type: "bobbin_api_key", label: "false_positive" },
    ]);
    expect(await verifyApiKey(store, plaintext, PEPPER)).toBeNull();
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).toMatchObject({ status: "disabled", disabledReason: "leaked" });
    const events = await leakEvents(acct.workspaceId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "system", targetType: "key", ip: `198.51.100.${address}` });
    expect(events[0].targetLabel).toContain(`key ending ${key.last4}`);
    expect(events[0].targetLabel).toContain(url);
    expect(events[0].targetLabel).toContain("source: content");
    expect(notices.at(-1)).toMatchObject({ workspaceId: acct.workspaceId, url, source: "content", ownerEmails: [acct.users[0].email] });
    // The scanner retries the same report: a true positive again, recorded again, but no second notice.
    const noticesBefore = notices.length;
    const again = await keyLeakResponse(report([{ token: plaintext, type: "bobbin_api_key", url, source: "content" }], { key: scanner.privateKey }), services());
    expect(await again.json()).toEqual([{ token_raw: plaintext, token_type: "bobbin_api_key", label: "true_positive" }]);
    expect(await leakEvents(acct.workspaceId)).toHaveLength(2);
    expect(notices.length).toBe(noticesBefore);
    // The other account's key is untouched.
    expect(await verifyApiKey(store, other.plaintext, PEPPER)).not.toBeNull();
    expect(await leakEvents(other.acct.workspaceId)).toEqual([]);
    // The key never reached a log.
    expect(logged.join("\n")).not.toContain(plaintext.slice(7, 40));
  });

  it("an unsigned report is 401 and changes nothing", async () => {
    const { acct, plaintext } = await liveKey();
    const response = await keyLeakResponse(report([{ token: plaintext, type: "bobbin_api_key", url: "https://x.test", source: "content" }]), services());
    expect(response.status).toBe(401);
    expect((await response.json()).error.type).toBe("Unauthorized");
    expect(await verifyApiKey(store, plaintext, PEPPER)).not.toBeNull();
    expect(await leakEvents(acct.workspaceId)).toEqual([]);
  });

  it("a report signed by another key, under an unknown identifier, or with a signature of other bytes is 403 and changes nothing", async () => {
    const { acct, plaintext } = await liveKey();
    const items = [{ token: plaintext, type: "bobbin_api_key", url: "https://x.test", source: "content" }];
    const tampered = report(items, { key: scanner.privateKey });
    const forged = new Request(tampered.url, { method: "POST", headers: tampered.headers, body: JSON.stringify([...items, { token: "x", type: "t", url: "", source: "" }]) });
    for (const request of [report(items, { key: stranger.privateKey }), report(items, { key: scanner.privateKey, id: "another-identifier" }), forged]) {
      const response = await keyLeakResponse(request, services());
      expect(response.status).toBe(403);
      expect(Object.keys(await response.json())).toEqual(["error"]);
    }
    const garbage = report(items);
    garbage.headers.set("Github-Public-Key-Identifier", KEY_ID);
    garbage.headers.set("Github-Public-Key-Signature", "bm90IGEgc2lnbmF0dXJl");
    expect((await keyLeakResponse(garbage, services())).status).toBe(403);
    expect(await verifyApiKey(store, plaintext, PEPPER)).not.toBeNull();
    expect(await leakEvents(acct.workspaceId)).toEqual([]);
  });

  it("without configured public keys every report is refused", async () => {
    const { plaintext } = await liveKey();
    const response = await keyLeakResponse(report([{ token: plaintext, type: "t", url: "", source: "" }], { key: scanner.privateKey }), { ...services(), publicKeys: [] });
    expect(response.status).toBe(403);
    expect(await verifyApiKey(store, plaintext, PEPPER)).not.toBeNull();
  });

  it("a signed report that is not the partner shape is 400 in the one error shape", async () => {
    const response = await keyLeakResponse(report([{ type: "bobbin_api_key" }], { key: scanner.privateKey }), services());
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ type: "InvalidBody", fields: { "0.token": expect.any(String) } });
  });

  it("is rate-limited per client address", async () => {
    const ip = "203.0.113.77";
    const statuses: number[] = [];
    for (let i = 0; i <= KEY_LEAK_LIMIT; i++) statuses.push((await keyLeakResponse(report([{ token: "x", type: "t" }], undefined, ip), services())).status);
    expect(statuses.slice(0, KEY_LEAK_LIMIT).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it("a malformed KEY_LEAK_PUBLIC_KEYS is refused loudly; a bare array and escaped newlines are accepted", () => {
    expect(() => parseLeakPublicKeys("not json")).toThrow(/must be JSON/);
    expect(() => parseLeakPublicKeys(JSON.stringify([{ key_identifier: "a", key: "nope" }]))).toThrow(/not a PEM/);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" });
    expect(() => parseLeakPublicKeys(JSON.stringify([{ key_identifier: "a", key: rsa }]))).toThrow(/P-256/);
    const pem = String(scanner.publicKey.export({ type: "spki", format: "pem" }));
    expect(parseLeakPublicKeys(JSON.stringify([{ key_identifier: "a", key: pem.replace(/\n/g, "\\n") }])).map((k) => k.identifier)).toEqual(["a"]);
  });
});

// The smallest SMTP server nodemailer talks to: it records each message's recipients and text.
async function fakeSmtp() {
  const messages: { to: string[]; data: string }[] = [];
  const server = net.createServer((socket) => {
    let to: string[] = [];
    let data: string | null = null;
    let buffer = "";
    socket.write("220 fake ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let at: number;
      while ((at = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (data !== null) {
          if (line === ".") {
            messages.push({ to, data });
            data = null;
            to = [];
            socket.write("250 queued\r\n");
          } else data += (line.startsWith("..") ? line.slice(1) : line) + "\n"; // dot-stuffing undone
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "RCPT") to.push(/<([^>]+)>/.exec(line)?.[1] ?? "");
        if (verb === "DATA") data = "";
        socket.write(verb === "DATA" ? "354 go on\r\n" : verb === "QUIT" ? "221 bye\r\n" : "250 ok\r\n");
        if (verb === "QUIT") socket.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise((r) => server.close(r)) };
}

describe("leak notices", () => {
  it("with SMTP_URL every owner of the key's account is e-mailed where the key was found; the key never is in the mail", async () => {
    const smtp = await fakeSmtp();
    vi.stubEnv("SMTP_URL", smtp.url);
    try {
      const { acct, plaintext, key } = await liveKey();
      const owner2 = await db.user.create({ data: { email: `owner2-${acct.workspaceId}@example.test`, name: "Second owner", passwordHash: "x" } });
      await db.membership.create({ data: { workspaceId: acct.workspaceId, userId: owner2.id, role: "owner" } });
      const url = "https://github.com/octocat/leaky/blob/main/.env";
      const response = await keyLeakResponse(report([{ token: plaintext, type: "bobbin_api_key", url, source: "content" }], { key: scanner.privateKey }), { ...services(), notify: emailLeakNotice });
      expect((await response.json())[0].label).toBe("true_positive");
      expect(smtp.messages.map((m) => m.to).flat().sort()).toEqual([acct.users[0].email, owner2.email].sort());
      for (const message of smtp.messages) {
        // The text is quoted-printable: join its soft line breaks.
        const text = message.data.replace(/=\n/g, "");
        expect(text).toContain(`key ending ${key.last4}`);
        expect(text).toContain(url);
        expect(text).not.toContain(plaintext.slice(7, 40));
      }
    } finally {
      vi.unstubAllEnvs();
      await smtp.close();
    }
  });

  it("without SMTP_URL nothing is sent: the key.leaked event in Activity is the notice", async () => {
    vi.stubEnv("SMTP_URL", "");
    try {
      const { acct } = await liveKey();
      const notice: LeakedKeyNotice = { workspaceId: acct.workspaceId, accountName: "A", keyLabel: "key ending abcd", url: "", source: "", ownerEmails: [acct.users[0].email] };
      expect(await emailLeakNotice(notice)).toBe(false);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
