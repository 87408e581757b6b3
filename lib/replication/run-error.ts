// Why a run failed, in the words the job recorded (shared by the source's page and the failure notices).

export type JobSteps = {
  status: string;
  discoveryDescription: string | null;
  tapDescription: string | null;
  targetDescription: string | null;
  discoveryExitStatus: number | null;
  tapExitStatus: number | null;
  targetExitStatus: number | null;
};

// The failed step's description; null unless the job failed.
export function runError(job: JobSteps): string | null {
  if (job.status !== "failed") return null;
  const steps: [number | null, string | null][] = [
    [job.discoveryExitStatus, job.discoveryDescription],
    [job.tapExitStatus, job.tapDescription],
    [job.targetExitStatus, job.targetDescription],
  ];
  const failed = steps.find(([code]) => code !== null && code !== 0) ?? steps.find(([, text]) => text);
  return failed?.[1] ?? "The run failed.";
}
