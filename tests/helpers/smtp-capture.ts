// A minimal SMTP server on 127.0.0.1 that accepts every message and keeps it: nodemailer talks real SMTP to it,
// and tests read who each message went to and what it said. No TLS, no authentication.
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";

export type CapturedMail = { from: string; to: string[]; data: string };

export async function smtpCapture(): Promise<{ url: string; messages: CapturedMail[] }> {
  const messages: CapturedMail[] = [];
  const server = net.createServer((socket) => {
    let buffer = "";
    let inData = false;
    let mail: CapturedMail = { from: "", to: [], data: "" };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 capture ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (let end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            messages.push(mail);
            mail = { from: "", to: [], data: "" };
            reply("250 queued");
          } else mail.data += `${line.startsWith("..") ? line.slice(1) : line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "MAIL") mail.from = address(line);
        if (verb === "RCPT") mail.to.push(address(line));
        if (verb === "DATA") inData = true;
        reply(verb === "DATA" ? "354 go on" : verb === "QUIT" ? "221 bye" : "250 ok");
        if (verb === "QUIT") socket.end();
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`, messages };
}

const address = (line: string) => /<([^>]*)>/.exec(line)?.[1] ?? "";
