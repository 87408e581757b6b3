// Outgoing e-mail through SMTP when SMTP_URL is set (nodemailer); otherwise nothing is sent.
import nodemailer from "nodemailer";

export function mailEnabled(): boolean {
  return Boolean(process.env.SMTP_URL);
}

// Send an invitation link; returns whether a message was handed to the SMTP server.
export async function sendInvitationEmail(to: string, link: string, accountName: string, inviter: string): Promise<boolean> {
  if (!mailEnabled()) return false;
  const transport = nodemailer.createTransport(process.env.SMTP_URL);
  await transport.sendMail({
    from: process.env.SMTP_FROM ?? "Bobbin <no-reply@bobbin.example>",
    to,
    subject: `${inviter} invited you to ${accountName} on Bobbin`,
    text: `${inviter} invited you to join the account "${accountName}" on Bobbin.\n\nAccept the invitation (the link works once and expires in 7 days):\n${link}\n`,
  });
  return true;
}

// Tell an owner that a source's run failed (once per failing spell); returns whether a message was handed over.
export async function sendRunFailedEmail(to: string, source: string, error: string, link: string): Promise<boolean> {
  if (!mailEnabled()) return false;
  const transport = nodemailer.createTransport(process.env.SMTP_URL);
  await transport.sendMail({
    from: process.env.SMTP_FROM ?? "Bobbin <no-reply@bobbin.example>",
    to,
    subject: `Replication of ${source} failed`,
    text: `The last run of the source "${source}" failed:\n\n${error}\n\nThe run and its log: ${link}\n\nYou will not be told again about this source until a run succeeds.\n`,
  });
  return true;
}

// Tell an owner that an API key of their account expires soon; returns whether a message was handed over.
export async function sendKeyExpiringEmail(to: string, accountName: string, key: string, expiresAt: string, link: string): Promise<boolean> {
  if (!mailEnabled()) return false;
  const transport = nodemailer.createTransport(process.env.SMTP_URL);
  await transport.sendMail({
    from: process.env.SMTP_FROM ?? "Bobbin <no-reply@bobbin.example>",
    to,
    subject: `An API key of ${accountName} expires on ${expiresAt.slice(0, 10)}`,
    text: `The API access ${key} of the account "${accountName}" expires at ${expiresAt}. From then on, the API refuses it.\n\nTo keep a script working, roll the key (a new key with the same settings) or generate a new one:\n${link}\n`,
  });
  return true;
}
