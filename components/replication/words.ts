// Replication state in words: times in UTC, row counts grouped by thousands, the panel's one-line summary.
import type { ReplicationOverview, RunStatus } from "@/lib/replication/overview";

export const RUN_LABEL: Record<RunStatus, string> = { queued: "Queued", running: "Running", succeeded: "Succeeded", failed: "Failed", stopped: "Stopped" };

const pad = (n: number) => String(n).padStart(2, "0");

// "14:02 UTC" today, "2026-11-28 14:02 UTC" on another day.
export function utcTime(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const hm = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())} UTC`;
  const day = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
  return day === now.toISOString().slice(0, 10) ? hm : `${day} ${hm}`;
}

// 412000 → "412 000".
export function rowCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

// 75 → "1 min 15 s".
export function duration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m} min ${seconds % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

// The panel's state: what runs now, else how the last run ended.
export function stateSentence(overview: ReplicationOverview, now = new Date()): string {
  const { active, runs } = overview;
  if (active?.status === "queued") return `Queued since ${utcTime(active.startedAt, now)} — waiting for a worker`;
  if (active) return `Running since ${utcTime(active.startedAt, now)} — ${rowCount(active.rows)} rows so far${active.stopRequested ? " (stopping)" : ""}`;
  const last = runs[0];
  if (!last) return "Never run";
  if (last.status === "failed") return `Last run failed: ${last.error}`;
  if (last.status === "stopped") return `Last run was stopped at ${utcTime(last.completedAt ?? last.startedAt, now)}`;
  return `Last run succeeded at ${utcTime(last.completedAt ?? last.startedAt, now)} — ${rowCount(last.rows)} rows`;
}
