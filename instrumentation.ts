// Next's start-up hook: the replication worker runs inside the server (Node.js runtime) unless WORKERS=0.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.WORKERS === "0") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAppWorker } = await import("./lib/jobs/app-jobs");
  await startAppWorker();
}
