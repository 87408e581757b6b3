// Servers that speak just enough of the PostgreSQL protocol for tests of what a client sends where:
// one asks for the password in clear text and records it; it can first accept TLS with a given certificate.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import { afterAll } from "vitest";

export type Harvester = { port: number; passwords: string[]; connections: number; tlsHandshakes: number; close(): void };

function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`, "utf8");
  const head = Buffer.alloc(5);
  head.write("E", 0);
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}

// Read the startup message, ask for a clear-text password, record it, refuse it.
function speak(socket: net.Socket, state: Harvester) {
  let buffer = Buffer.alloc(0);
  let phase: "startup" | "password" | "done" = "startup";
  socket.on("error", () => {});
  socket.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (phase === "startup") {
      if (buffer.length < 8 || buffer.length < buffer.readInt32BE(0)) return;
      buffer = buffer.subarray(buffer.readInt32BE(0));
      phase = "password";
      socket.write(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3])); // AuthenticationCleartextPassword
      return;
    }
    if (phase === "done" || buffer.length < 5 || buffer.length < 1 + buffer.readInt32BE(1)) return;
    phase = "done";
    state.passwords.push(buffer.subarray(5, 1 + buffer.readInt32BE(1)).toString("utf8").replace(/\0$/, ""));
    socket.end(errorResponse("28P01", "password authentication failed"));
  });
}

// A server on 127.0.0.1 that harvests passwords; with `tlsCert`, it first accepts the client's SSLRequest.
export async function harvestingServer(tlsCert?: { key: string; cert: string }): Promise<Harvester> {
  const state: Harvester = { port: 0, passwords: [], connections: 0, tlsHandshakes: 0, close: () => {} };
  const server = net.createServer((socket) => {
    state.connections++;
    socket.on("error", () => {});
    socket.once("data", (first) => {
      const isSslRequest = first.length >= 8 && first.readInt32BE(4) === 80877103;
      if (!isSslRequest) {
        socket.unshift(first);
        return speak(socket, state);
      }
      if (!tlsCert) {
        socket.write("N");
        return speak(socket, state);
      }
      socket.write("S");
      const secure = new tls.TLSSocket(socket, { isServer: true, key: tlsCert.key, cert: tlsCert.cert });
      secure.on("error", () => {});
      secure.on("secure", () => state.tlsHandshakes++);
      speak(secure as unknown as net.Socket, state);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.port = (server.address() as net.AddressInfo).port;
  state.close = () => server.close();
  afterAll(() => server.close());
  return state;
}

// A throw-away CA and a server certificate it signed for `localhost` (and 127.0.0.1), made with openssl.
export function makeCertificates(): { ca: string; key: string; cert: string; otherCa: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bobbin-tls-"));
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "ignore" });
  try {
    for (const ca of ["ca", "other"]) {
      run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", `${ca}.key`, "-out", `${ca}.pem`, "-days", "2", "-subj", `/CN=Test ${ca}`);
    }
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
    writeFileSync(path.join(dir, "ext.cnf"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf");
    const read = (f: string) => readFileSync(path.join(dir, f), "utf8");
    return { ca: read("ca.pem"), key: read("server.key"), cert: read("server.pem"), otherCa: read("other.pem") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
