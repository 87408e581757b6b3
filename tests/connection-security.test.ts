// Where source and destination credentials may go: a stored password never follows a changed connection,
// hosts are resolved and judged (no SSRF), the driver dials the address judged, TLS is verified when asked.
import { describe, expect, it } from "vitest";
import { createSecretBox } from "@/lib/crypto/secret-box";
import { lastConnectionCheck, startConnectionCheck } from "@/lib/connect/checks";
import { createDestination, updateDestination } from "@/lib/connect/destinations";
import { connectPolicyFromEnv, type ConnectPolicy } from "@/lib/connect/network/policy";
import { resolveConnectTarget } from "@/lib/connect/network/resolve";
import { parseCidrs } from "@/lib/connect/network/addresses";
import { createSource, updateSource } from "@/lib/connect/sources";
import { freshDb } from "./helpers/db";
import { seedAccount } from "./helpers/accounts";
import { harvestingServer, makeCertificates } from "./helpers/fake-postgres";
import { createSourceDatabase, SOURCE_PG } from "./helpers/source-db";

const BY = { actor: { type: "system" as const, label: "test" } };
const STORED = "stored-Pa55word-never-leaves";
const policy = (allowPrivate: boolean, cidrs = ""): ConnectPolicy => ({ allowPrivate, allowedCidrs: parseCidrs(cidrs), protectedDatabases: [] });
const settle = () => new Promise((r) => setTimeout(r, 400));

describe("a stored password and a changed connection", async () => {
  const { db } = await freshDb();
  const deps = { db, box: createSecretBox("k".repeat(40)) };
  const database = await createSourceDatabase();
  const real = { host: SOURCE_PG.host, port: String(SOURCE_PG.port), dbname: database, user: SOURCE_PG.user, password: STORED };

  it("a new host, port, user or database without the password is refused, naming the field, and nothing is sent", async () => {
    const harvester = await harvestingServer();
    const { accountId } = await seedAccount(db);
    const created = await createSource(deps, accountId, { display_name: "Real", type: "platform.postgres", properties: real }, BY);
    if (!created.ok) throw new Error(created.message);
    const before = await db.source.findUniqueOrThrow({ where: { id: created.value.id } });
    const changes: Record<string, string>[] = [{ host: "localhost", port: String(harvester.port) }, { port: String(harvester.port) }, { user: "other" }, { dbname: "other" }, { ssl: "true" }];
    for (const change of changes) {
      const result = await updateSource(deps, accountId, created.value.id, { properties: change }, BY);
      expect(result).toMatchObject({ ok: false, code: "InvalidProperties", fields: { "properties.password": expect.stringMatching(/Give the password again/) } });
    }
    const after = await db.source.findUniqueOrThrow({ where: { id: created.value.id } });
    expect({ properties: after.properties, secrets: after.secrets }).toEqual({ properties: before.properties, secrets: before.secrets });
    await settle();
    expect(harvester.connections).toBe(0);
    expect(harvester.passwords).toEqual([]);

    // With the password given again, the new connection gets the new password, never the stored one.
    const moved = await updateSource(deps, accountId, created.value.id, { properties: { port: String(harvester.port), password: "typed-again" } }, BY);
    expect(moved.ok).toBe(true);
    await expect.poll(() => harvester.passwords, { timeout: 10_000 }).toEqual(["typed-again"]);
  });

  it("other changes keep the stored password", async () => {
    const { accountId } = await seedAccount(db);
    const created = await createSource(deps, accountId, { display_name: "Keep", type: "platform.postgres", properties: real }, BY);
    if (!created.ok) throw new Error(created.message);
    const same = await updateSource(deps, accountId, created.value.id, { display_name: "Kept", properties: { filter_schemas: "public", host: real.host } }, BY);
    expect(same.ok).toBe(true);
  });

  it("the same rule holds for destinations", async () => {
    const { accountId } = await seedAccount(db);
    const destination = { host: real.host, port: real.port, username: real.user, database: real.dbname, password: real.password };
    const dest = await createDestination(deps, accountId, { type: "postgres", properties: destination }, BY);
    if (!dest.ok) throw new Error(dest.message);
    const moved = await updateDestination(deps, accountId, dest.value.id, { properties: { host: "203.0.113.9" } }, BY);
    expect(moved).toMatchObject({ ok: false, fields: { "properties.password": expect.any(String) } });
    expect((await updateDestination(deps, accountId, dest.value.id, { properties: { host: "203.0.113.9", password: "new-one" } }, BY)).ok).toBe(true);
  });

  it("control characters, socket paths and URLs are refused in connection properties", async () => {
    const { accountId } = await seedAccount(db);
    for (const [name, value] of [["host", "db\nevil"], ["host", "/var/run/postgresql"], ["host", "postgres://x"], ["user", "a\u0000b"], ["dbname", "x\ry"], ["password", "p\u001bw"], ["sslrootcert", "not a certificate"]]) {
      const result = await createSource(deps, accountId, { display_name: "Bad", type: "platform.postgres", properties: { ...real, [name]: value } }, BY);
      expect(result, `${name}=${JSON.stringify(value)}`).toMatchObject({ ok: false, fields: { [`properties.${name}`]: expect.any(String) } });
    }
    expect(await db.source.count({ where: { accountId } })).toBe(0);
  });
});

describe("hosts a connection may reach", () => {
  const lookupOf = (answers: Record<string, string[]>) => async (host: string) => answers[host] ?? [];

  it("never link-local, metadata, reserved or socket paths; loopback and private only when allowed", async () => {
    for (const host of ["169.254.169.254", "[fe80::1]", "::ffff:169.254.169.254", "0.0.0.0", "224.0.0.1", "/tmp/.s.PGSQL.5432", "fd00:ec2::254"]) {
      expect((await resolveConnectTarget(host, 5432, policy(true))).ok, host).toBe(false);
    }
    for (const host of ["127.0.0.1", "10.1.2.3", "192.168.0.10", "172.20.0.1", "::1", "100.64.0.1", "fd12::1"]) {
      const refused = await resolveConnectTarget(host, 5432, policy(false));
      expect(refused, host).toMatchObject({ ok: false, message: expect.stringMatching(/^could not connect: .*ALLOW_PRIVATE_HOSTS/) });
      expect(!refused.ok && refused.message).not.toContain(host);
      expect((await resolveConnectTarget(host, 5432, policy(true))).ok, host).toBe(true);
    }
    expect((await resolveConnectTarget("10.1.2.3", 5432, policy(false, "10.1.0.0/16"))).ok).toBe(true);
    expect((await resolveConnectTarget("10.2.2.3", 5432, policy(false, "10.1.0.0/16"))).ok).toBe(false);
    expect(await resolveConnectTarget("203.0.113.7", 5432, policy(false))).toMatchObject({ ok: true, value: { address: "203.0.113.7", servername: null } });
  });

  it("judges every address a name resolves to and hands back the one to dial", async () => {
    const lookup = lookupOf({ "inside.example": ["10.0.0.5"], "mixed.example": ["203.0.113.7", "169.254.169.254"], "out.example": ["203.0.113.7"] });
    expect((await resolveConnectTarget("inside.example", 5432, policy(false), lookup)).ok).toBe(false);
    expect((await resolveConnectTarget("mixed.example", 5432, policy(true), lookup)).ok).toBe(false);
    expect(await resolveConnectTarget("out.example", 5432, policy(false), lookup)).toMatchObject({ ok: true, value: { address: "203.0.113.7", servername: "out.example" } });
    expect(await resolveConnectTarget("nowhere.example", 5432, policy(true), lookup)).toMatchObject({ ok: false, message: /could not be resolved/ });
  });

  it("reads ALLOW_PRIVATE_HOSTS: on by default, off with NODE_ENV=production unless set", () => {
    expect(connectPolicyFromEnv({ NODE_ENV: "development" }).allowPrivate).toBe(true);
    expect(connectPolicyFromEnv({ NODE_ENV: "production" }).allowPrivate).toBe(false);
    expect(connectPolicyFromEnv({ NODE_ENV: "production", ALLOW_PRIVATE_HOSTS: "1" }).allowPrivate).toBe(true);
    expect(connectPolicyFromEnv({ NODE_ENV: "development", ALLOW_PRIVATE_HOSTS: "0" }).allowPrivate).toBe(false);
    expect(() => connectPolicyFromEnv({ NODE_ENV: "test", ALLOWED_HOST_CIDRS: "10.0.0.0/99" })).toThrow(/ALLOWED_HOST_CIDRS/);
    expect(connectPolicyFromEnv({ NODE_ENV: "test", DATABASE_URL: "postgresql://u@127.0.0.1:5433/app" }).protectedDatabases).toEqual([{ host: "127.0.0.1", port: 5433, database: "app" }]);
  });
});

describe("connection checks under the policy", async () => {
  const { db } = await freshDb();
  const database = await createSourceDatabase();

  async function source() {
    const acct = await seedAccount(db);
    return db.source.create({ data: { accountId: acct.accountId, name: `pg_${Date.now()}`, displayName: "PG", type: "platform.postgres" } });
  }
  const conn = (extra: Record<string, unknown> = {}) => ({ ...SOURCE_PG, database, password: "pw", filterSchemas: [] as string[], ...extra });

  it("a refused host fails the check without a connection and without naming our addresses", async () => {
    const harvester = await harvestingServer();
    const src = await source();
    await (await startConnectionCheck(db, src, conn({ port: harvester.port }), { policy: policy(false) })).finished;
    const check = await lastConnectionCheck(db, src.id);
    expect(check).toMatchObject({ status: "failed", checkExitStatus: 1, error: expect.stringMatching(/^could not connect: /) });
    expect(check?.error).not.toMatch(/127\.0\.0\.1/);
    expect(harvester.connections).toBe(0);
  });

  it("dials the address it judged, not the name again (no DNS-rebinding window)", async () => {
    const harvester = await harvestingServer();
    const src = await source();
    // The name exists only in the lookup the policy used: a driver resolving it again could not connect.
    const lookup = async (host: string) => (host === "rebind.invalid" ? ["127.0.0.1"] : []);
    await (await startConnectionCheck(db, src, conn({ host: "rebind.invalid", port: harvester.port }), { policy: policy(true), lookup })).finished;
    expect(harvester.passwords).toEqual(["pw"]);
    expect((await lastConnectionCheck(db, src.id))?.error).toBe('authentication failed: the server refused user "postgres" or its password.');
  });

  it("refuses the app's own database, and names failure classes", async () => {
    const src = await source();
    const own = { ...policy(true), protectedDatabases: [{ host: "localhost", port: SOURCE_PG.port, database }] };
    await (await startConnectionCheck(db, src, conn(), { policy: own, lookup: async () => ["127.0.0.1"] })).finished;
    expect((await lastConnectionCheck(db, src.id))?.error).toMatch(/^could not connect: this server's own database/);
    await (await startConnectionCheck(db, src, conn({ database: "no_such_db_x" }))).finished;
    expect((await lastConnectionCheck(db, src.id))?.error).toMatch(/^database does not exist: /);
  });

  it("TLS: verify-full trusts only the given CA, true refuses a server without TLS", async () => {
    const certs = makeCertificates();
    const secure = await harvestingServer({ key: certs.key, cert: certs.cert });
    const plain = await harvestingServer();
    const lookup = async () => ["127.0.0.1"];
    const src = await source();
    const run = async (extra: Record<string, unknown>) => {
      await (await startConnectionCheck(db, src, conn({ host: "localhost", ...extra }), { policy: policy(true), lookup })).finished;
      return (await lastConnectionCheck(db, src.id))?.error;
    };
    expect(await run({ port: secure.port, ssl: "verify-full", sslrootcert: certs.otherCa })).toMatch(/^TLS failed: /);
    expect(secure.passwords).toEqual([]);
    expect(await run({ port: secure.port, ssl: "verify-full", sslrootcert: certs.ca })).toMatch(/^authentication failed: /);
    expect(secure.passwords).toEqual(["pw"]);
    expect(secure.tlsHandshakes).toBe(1);
    expect(await run({ port: plain.port, ssl: "true" })).toMatch(/^(TLS failed|could not connect): /);
    expect(plain.passwords).toEqual([]);
  });
});
