// Source databases as clients of the API see them: real connection properties, and a server that refuses a password.
import net from "node:net";
import { expect } from "@playwright/test";
import type { Api } from "./api";

export const SOURCE_PASSWORD = "Src-Pa55word!x7";
// The password of the destinations the replication specs create (searched for at rest after the run).
export const DESTINATION_PASSWORD = "Dest-Pa55word!q9";

// Properties of a platform.postgres source pointing at a real database on 127.0.0.1:5432 (trust auth there).
export function realSource(database: string, extra: Record<string, string> = {}) {
  return {
    display_name: `Source ${database}`,
    type: "platform.postgres",
    properties: { host: "127.0.0.1", port: "5432", dbname: database, user: "postgres", password: SOURCE_PASSWORD, ...extra },
  };
}

// The original's connection check object (the fields the specs read).
type Check = { name: string; mode: "check"; status: string; check_exit_status: number | null; discovery_exit_status: number | null; error: boolean; discovery_error_message: string | null };

// Poll the last connection check until it is no longer running (optionally: until it is the given job's).
export async function waitForCheck(api: Api, sourceId: number, jobName?: string): Promise<Check> {
  let last: Check | undefined;
  await expect
    .poll(async () => {
      const response = await api.get(`/v4/sources/${sourceId}/last-connection-check`);
      last = response.ok() ? await response.json() : undefined;
      return last && (!jobName || last.name === jobName) ? last.status : "waiting";
    }, { timeout: 20_000, intervals: [100, 250, 500] })
    .not.toMatch(/running|waiting/);
  return last!;
}

// Create a source on a real database through the API and wait for its discovery to succeed; returns its id.
export async function discoveredSource(api: Api, database: string, extra: Record<string, string> = {}): Promise<number> {
  const created = await api.post("/v4/sources", realSource(database, extra));
  expect(created.status()).toBe(200);
  const source = await created.json();
  expect(source.check_job_name).toMatch(new RegExp(`^${source.stitch_client_id}\\.${source.id}\\.check\\.`));
  const check = await waitForCheck(api, source.id, source.check_job_name);
  expect(check).toMatchObject({ status: "succeeded", check_exit_status: 0, discovery_exit_status: 0, error: false, discovery_error_message: null });
  return source.id;
}

// A TCP server speaking just enough of the PostgreSQL protocol to ask for a password and refuse it (SQLSTATE 28P01).
export async function passwordRefusingServer(): Promise<{ port: number; close(): void }> {
  const server = net.createServer((socket) => {
    let buffer = Buffer.alloc(0);
    let started = false;
    socket.on("error", () => {});
    socket.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        const rest = buffer.subarray(length);
        if (code === 80877103 || code === 80877104) {
          socket.write("N"); // no SSL, no GSS encryption: the client goes on in plain text
          buffer = rest;
          return;
        }
        const params = buffer.subarray(8, length).toString("utf8").split("\0");
        const user = params[params.indexOf("user") + 1] ?? "";
        started = true;
        buffer = rest;
        socket.write(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3])); // AuthenticationCleartextPassword
        socket.once("data", () => socket.end(errorResponse(`password authentication failed for user "${user}"`)));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => server.close() };
}

function errorResponse(message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C28P01\0M${message}\0\0`, "utf8");
  const head = Buffer.alloc(5);
  head.write("E", 0);
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}
