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

// Tell an owner that a secret scanner found one of the account's keys in public, and that it was disabled.
export async function sendKeyLeakedEmail(to: string, accountName: string, key: string, where: string): Promise<boolean> {
  if (!mailEnabled()) return false;
  const transport = nodemailer.createTransport(process.env.SMTP_URL);
  await transport.sendMail({
    from: process.env.SMTP_FROM ?? "Bobbin <no-reply@bobbin.example>",
    to,
    subject: `An API key of ${accountName} was found in public and disabled`,
    text: `A secret scanner reported the API ${key} of the account "${accountName}", ${where}.\n\nThe key has been disabled: requests made with it are refused. Remove it from where it was published, generate a new key on the Account Settings page, and delete the leaked one. The report is in the account's Activity.\n`,
  });
  return true;
}
