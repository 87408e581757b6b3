// Next's start-up hook: the replication worker runs inside the server (Node.js runtime) unless WORKERS=0.
// Started in the background: a queue that fails to start is logged and never holds up or crashes the server.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.WORKERS === "0") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAppWorker } = await import("./lib/jobs/app-jobs");
  void startAppWorker().catch((error: Error) => console.error(`worker: not started: ${error.message.split("\n")[0]}`));
}
