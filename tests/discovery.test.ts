import net from "node:net";
import { describe, expect, it } from "vitest";
import { discoverPostgres } from "@/lib/connect/discovery/postgres";
import { mergeRediscovered, streamFromTable, type CatalogStream } from "@/lib/connect/stream-catalog";
import { applySelection } from "@/lib/connect/selection";
import { createSourceDatabase, SOURCE_PG } from "./helpers/source-db";

describe("discovery of a PostgreSQL source", async () => {
  const database = await createSourceDatabase();
  const conn = { ...SOURCE_PG, database, password: "s3cret-pw", filterSchemas: [] as string[] };

  async function catalog(filterSchemas: string[] = []): Promise<CatalogStream[]> {
    const out = await discoverPostgres({ ...conn, filterSchemas });
    if (!out.ok) throw new Error(out.message);
    return out.tables.map((t) => streamFromTable(database, t));
  }
  const byId = (streams: CatalogStream[], id: string) => streams.find((s) => s.tapStreamId === `${database}-${id}`)!;
  const field = (s: CatalogStream, col: string) => s.metadata.find((m) => m.breadcrumb[1] === col)?.metadata;

  it("finds every table and view of every schema, with keys, types, views and row counts", async () => {
    const streams = await catalog();
    expect(streams.map((s) => s.tapStreamId).sort()).toEqual(
      ["public-active_customers", "public-customers", "public-events", "public-order_lines", "sales-deals"].map((x) => `${database}-${x}`),
    );
    const customers = byId(streams, "public-customers");
    expect(customers.streamName).toBe("customers");
    expect(customers.metadata[0].metadata).toMatchObject({
      "database-name": database, "schema-name": "public", "table-key-properties": ["id"], "is-view": false, "row-count": 25,
    });
    // Never selected yet: no stream-level selected (the API shows null).
    expect(customers.metadata[0].metadata).not.toHaveProperty("selected");
    expect(customers.schema.properties).toMatchObject({
      id: { type: ["integer"] },
      name: { type: ["string"] },
      email: { type: ["null", "string"] },
      updated_at: { type: ["null", "string"], format: "date-time" },
      tags: { type: ["null", "array"], items: { type: ["null", "string"] } },
    });
    expect(field(customers, "id")).toMatchObject({ inclusion: "automatic", selected: true });
    expect(field(customers, "email")).toMatchObject({ inclusion: "available", "sql-datatype": "character varying(200)" });
    expect(field(customers, "location")).toMatchObject({ inclusion: "unsupported" });
    expect(customers.schema.properties).not.toHaveProperty("location");

    expect(byId(streams, "public-events").metadata[0].metadata["table-key-properties"]).toEqual([]);
    expect(byId(streams, "public-order_lines").metadata[0].metadata["table-key-properties"]).toEqual(["order_id", "line"]);
    expect(byId(streams, "public-active_customers").metadata[0].metadata).toMatchObject({ "is-view": true });
    expect(byId(streams, "sales-deals")).toMatchObject({ streamName: "sales-deals" });
  });

  it("keeps to the schemas of the filter", async () => {
    expect((await catalog(["sales"])).map((s) => s.streamName)).toEqual(["sales-deals"]);
    expect(await catalog(["nope"])).toEqual([]);
  });

  it("fails the check cleanly for an unknown user, a closed port and a server that never answers", async () => {
    const badUser = await discoverPostgres({ ...conn, user: "no_such_role_here" });
    expect(badUser).toMatchObject({ ok: false, stage: "check" });
    expect(!badUser.ok && badUser.message).toMatch(/no_such_role_here/);
    expect(!badUser.ok && badUser.message).not.toContain("s3cret-pw");

    const closed = await discoverPostgres({ ...conn, port: 1 });
    expect(closed).toMatchObject({ ok: false, stage: "check", message: expect.stringMatching(/^could not connect: /) });
    expect(!closed.ok && closed.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);

    const silent = net.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const port = (silent.address() as net.AddressInfo).port;
    const started = Date.now();
    const hung = await discoverPostgres({ ...conn, port }, { connectMs: 500, queryMs: 500 });
    silent.close();
    expect(hung).toMatchObject({ ok: false, stage: "check" });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("applies the selection rules all-or-nothing", async () => {
    const streams = await catalog();
    const id = `${database}-public-customers`;
    const req = (metadata: { breadcrumb: string[]; metadata: Record<string, unknown> }[], tap = id) => ({ streams: [{ tap_stream_id: tap, metadata }] });
    const errorOf = (r: ReturnType<typeof applySelection>) => (r.ok ? "" : r.errors.map((e) => e.message).join(" | "));

    expect(errorOf(applySelection(streams, req([{ breadcrumb: ["properties", "email"], metadata: { selected: true } }])))).toMatch(/Select the stream .* before its fields \(email\)/);
    expect(errorOf(applySelection(streams, req([], "db-public-nope")))).toMatch(/Unknown tap_stream_id/);
    expect(errorOf(applySelection(streams, req([{ breadcrumb: [], metadata: { selected: true } }, { breadcrumb: ["properties", "location"], metadata: { selected: true } }])))).toMatch(/cannot be replicated/);
    expect(errorOf(applySelection(streams, req([{ breadcrumb: [], metadata: { "row-count": 1 } }])))).toMatch(/Discoverable metadata cannot be changed: row-count/);
    expect(errorOf(applySelection(streams, req([{ breadcrumb: ["properties", "email"], metadata: { inclusion: "available" } }])))).toMatch(/Discoverable/);
    expect(errorOf(applySelection(streams, req([{ breadcrumb: [], metadata: { selected: true, "replication-method": "INCREMENTAL" } }])))).toMatch(/needs a replication-key/);
    expect(errorOf(applySelection(streams, req([{ breadcrumb: [], metadata: { selected: true, "replication-method": "INCREMENTAL", "replication-key": "nope" } }])))).toMatch(/needs a replication-key/);
    // Replication keys need an order: arrays, jsonb and booleans are refused; text, integers and timestamps are fine.
    const incremental = (key: string, tap = id) => applySelection(streams, req([{ breadcrumb: [], metadata: { selected: true, "replication-method": "INCREMENTAL", "replication-key": key } }], tap));
    expect(errorOf(incremental("tags"))).toMatch(/replication-key "tags" .* has type text\[\], which has no usable order/);
    expect(errorOf(incremental("payload", `${database}-public-events`))).toMatch(/type jsonb, which has no usable order/);
    expect(errorOf(incremental("won", `${database}-sales-deals`))).toMatch(/type boolean, which has no usable order/);
    for (const key of ["name", "id", "updated_at"]) expect(incremental(key).ok).toBe(true);
    expect(incremental("closed_on", `${database}-sales-deals`).ok).toBe(true);
    expect(incremental("amount", `${database}-public-events`).ok).toBe(true);
    expect(errorOf(applySelection(streams, req([{ breadcrumb: [], metadata: { "replication-method": "SOMETIMES" } }])))).toMatch(/one of FULL_TABLE/);
    expect(errorOf(applySelection(streams, req([{ breadcrumb: [], metadata: { selected: true, "replication-method": "LOG_BASED" } }])))).toMatch(/LOG_BASED replication is not available yet/);
    expect(errorOf(applySelection(streams, req([{ breadcrumb: [], metadata: { selected: true } }, { breadcrumb: ["properties", "id"], metadata: { selected: false } }])))).toMatch(/always replicated/);
    expect(errorOf(applySelection(streams, req([{ breadcrumb: ["properties", "ghost"], metadata: { selected: true } }])))).toMatch(/Unknown breadcrumb/);

    const good = applySelection(streams, req([
      { breadcrumb: [], metadata: { selected: true, "replication-method": "INCREMENTAL", "replication-key": "updated_at" } },
      { breadcrumb: ["properties", "email"], metadata: { selected: true } },
    ]));
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    const picked = good.streams[0];
    expect(picked.metadata[0].metadata).toMatchObject({ selected: true, "replication-method": "INCREMENTAL", "replication-key": "updated_at" });
    expect(field(picked, "email")?.selected).toBe(true);
    // The input streams are untouched (all-or-nothing is up to the caller's single write).
    expect(byId(streams, "public-customers").metadata[0].metadata.selected).toBeUndefined();

    // Deselecting the stream later is allowed even though a field stays selected.
    expect(applySelection([picked], req([{ breadcrumb: [], metadata: { selected: false } }])).ok).toBe(true);

    // Re-discovery keeps the selections of what still exists.
    const again = await catalog();
    const merged = mergeRediscovered(byId(again, "public-customers"), picked);
    expect(merged.metadata[0].metadata).toMatchObject({ selected: true, "replication-key": "updated_at", "row-count": 25 });
    expect(field(merged, "email")?.selected).toBe(true);
  });
});
