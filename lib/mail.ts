// Outgoing e-mail through SMTP when SMTP_URL is set (nodemailer); otherwise nothing is sent.
import "server-only";
import nodemailer from "nodemailer";

export function mailEnabled(): boolean {
  return Boolean(process.env.SMTP_URL);
}

// Hand one message to the SMTP server; false when mail is off. Bounded waits: a dead or silent SMTP server
// fails the send within seconds instead of holding a worker (or a request that reaps a job) for minutes.
async function send(to: string, subject: string, text: string): Promise<boolean> {
  if (!mailEnabled()) return false;
  const transport = nodemailer.createTransport({ url: process.env.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  await transport.sendMail({ from: process.env.SMTP_FROM ?? "Bobbin <no-reply@bobbin.example>", to, subject, text });
  return true;
}

// Send an invitation link; returns whether a message was handed to the SMTP server.
export function sendInvitationEmail(to: string, link: string, accountName: string, inviter: string): Promise<boolean> {
  return send(
    to,
    `${inviter} invited you to ${accountName} on Bobbin`,
    `${inviter} invited you to join the account "${accountName}" on Bobbin.\n\nAccept the invitation (the link works once and expires in 7 days):\n${link}\n`,
  );
}

// Tell an owner that a source's run failed (once per failing spell); returns whether a message was handed over.
export function sendRunFailedEmail(to: string, source: string, error: string, link: string): Promise<boolean> {
  return send(
    to,
    `Replication of ${source} failed`,
    `The last run of the source "${source}" failed:\n\n${error}\n\nThe run and its log: ${link}\n\nYou will not be told again about this source until a run succeeds.\n`,
  );
}

// Tell an owner that a secret scanner found one of the account's keys in public, and that it was disabled.
export function sendKeyLeakedEmail(to: string, accountName: string, key: string, where: string): Promise<boolean> {
  return send(
    to,
    `An API key of ${accountName} was found in public and disabled`,
    `A secret scanner reported the API ${key} of the account "${accountName}", ${where}.\n\nThe key has been disabled: requests made with it are refused. Remove it from where it was published, generate a new key on the Account Settings page, and delete the leaked one. The report is in the account's Activity.\n`,
  );
}

// Tell an owner that an API key of their account expires soon; returns whether a message was handed over.
export function sendKeyExpiringEmail(to: string, accountName: string, key: string, expiresAt: string, link: string): Promise<boolean> {
  return send(
    to,
    `An API key of ${accountName} expires on ${expiresAt.slice(0, 10)}`,
    `The API access ${key} of the account "${accountName}" expires at ${expiresAt}. From then on, the API refuses it.\n\nTo keep a script working, roll the key (a new key with the same settings) or generate a new one:\n${link}\n`,
  );
}
