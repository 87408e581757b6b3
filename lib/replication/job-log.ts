// The job log in the original's line format: `2017-11-21 18:16:08,389Z    tap - INFO message`.
import type { LogLine } from "./engine/types";

// Logs are capped: a job's record stays small whatever the engine reports.
export const MAX_LOG_CHARS = 512 * 1024;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

// The original's timestamp: UTC, comma before the milliseconds, a trailing Z.
export function logTimestamp(at: Date): string {
  return (
    `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ` +
    `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())},${pad(at.getUTCMilliseconds(), 3)}Z`
  );
}

// One line; the source is right-aligned to six characters as in the original's samples.
export function formatLogLine(line: LogLine, at = new Date()): string {
  const message = line.message.replace(/\r?\n/g, " ").slice(0, 4000);
  return `${logTimestamp(at)} ${line.from.padStart(6)} - ${line.level} ${message}`;
}

// An append-only, capped log kept in memory while a job runs and written with each heartbeat.
export class JobLog {
  private text = "";
  private truncated = false;

  constructor(initial = "") {
    this.text = initial;
  }

  // Add a line (secrets are never passed in: the runner logs names and counts only).
  add(line: LogLine, at = new Date()): void {
    if (this.truncated) return;
    const next = formatLogLine(line, at) + "\n";
    if (this.text.length + next.length > MAX_LOG_CHARS) {
      this.truncated = true;
      this.text += formatLogLine({ from: "main", level: "WARNING", message: "Log truncated: later lines are not kept." }, at) + "\n";
      return;
    }
    this.text += next;
  }

  toString(): string {
    return this.text;
  }
}

export type StepStatus = { exitStatus: number | null; description: string | null };

// The closing line: `Exit status is: Discovery succeeded. Tap failed with code 1 and error message: "…". Target succeeded.`
export function exitStatusLine(discovery: StepStatus, tap: StepStatus, target: StepStatus): string {
  const step = (name: string, s: StepStatus) => {
    if (s.exitStatus === 0) return `${name} succeeded.`;
    if (s.exitStatus === null) return `${name} ${s.description ? `was ${s.description.toLowerCase()}` : "did not run"}.`;
    return `${name} failed with code ${s.exitStatus} and error message: "${(s.description ?? "").replace(/"/g, "'")}".`;
  };
  return `Exit status is: ${step("Discovery", discovery)} ${step("Tap", tap)} ${step("Target", target)}`;
}
