// Everything a job needs before the engine starts: source, destination and the plan of its selected streams.
import "server-only";
import type { SecretBox } from "../crypto/secret-box";
import type { Db } from "../db/factory";
import { loadStreams } from "../connect/streams";
import type { ReplicationPlan } from "./engine/types";
import type { JobLog } from "./job-log";
import { destinationEndpoint, planStream, sourceEndpoint } from "./plan";

export type Prepared = { ok: true; plan: ReplicationPlan; sourceId: number; destinationId: number; source: { displayName: string; type: string } } | { ok: false; step: "tap" | "target"; message: string };

type JobRef = { accountId: number; sourceId: number };

// The destination a source loads into: its destination_id, else the account's only destination.
async function findDestination(db: Db, accountId: number, destinationId: number | null) {
  if (destinationId !== null) return db.destination.findFirst({ where: { id: destinationId, accountId } });
  const all = await db.destination.findMany({ where: { accountId }, take: 2 });
  return all.length === 1 ? all[0] : null;
}

// Build the plan; bookmarks taken under another method or key are cleared here (a full re-sync follows).
export async function prepareJob(deps: { db: Db; box: SecretBox }, job: JobRef, log: JobLog): Promise<Prepared> {
  const { db, box } = deps;
  const source = await db.source.findFirst({ where: { id: job.sourceId, accountId: job.accountId } });
  if (!source || source.deletedAt) return { ok: false, step: "tap", message: "Integration is deleted." };
  const destination = await findDestination(db, job.accountId, source.destinationId);
  if (!destination) {
    return {
      ok: false,
      step: "target",
      message: "The source has no destination: set its destination_id (PUT /v4/sources/{id}) or keep exactly one destination in the account.",
    };
  }
  const selected = (await loadStreams(db, source.id)).filter((s) => s.metadata.some((m) => m.breadcrumb.length === 0 && m.metadata.selected === true));
  if (selected.length === 0) return { ok: false, step: "tap", message: "No table is selected for replication." };
  const states = new Map(
    (await db.stream.findMany({ where: { sourceId: source.id, selected: true }, select: { tapStreamId: true, bookmark: true, bookmarkMethod: true, bookmarkKey: true } })).map(
      (s) => [s.tapStreamId, s],
    ),
  );
  const streams = [];
  for (const stream of selected) {
    const choice = planStream(stream, states.get(stream.tapStreamId) ?? { bookmark: null, bookmarkMethod: null, bookmarkKey: null });
    if ("error" in choice) return { ok: false, step: "tap", message: choice.error };
    if (choice.bookmarkCleared) {
      await db.stream.updateMany({ where: { sourceId: source.id, tapStreamId: stream.tapStreamId }, data: { bookmark: null, bookmarkMethod: null, bookmarkKey: null } });
      log.add({ from: "main", level: "INFO", message: `State update: removing bookmarks.${stream.streamName} (the replication method or key changed)` });
    }
    streams.push(choice.plan);
  }
  const [from, to] = await Promise.all([sourceEndpoint(source, box), destinationEndpoint(destination, box)]);
  if (!from.ok) return { ok: false, step: "tap", message: from.message };
  if (!to.ok) return { ok: false, step: "target", message: to.message };
  const plan = { source: from.value, destination: to.value, destinationSchema: source.name, streams };
  return { ok: true, plan, sourceId: source.id, destinationId: destination.id, source: { displayName: source.displayName, type: source.type } };
}
