// Words the Sources pages use for states and checks.
export const STATE_LABEL = { active: "Active", paused: "Paused", deleted: "Deleted" } as const;

export const CHECK_LABEL = { running: "Running…", succeeded: "Succeeded", failed: "Failed" } as const;

export type CheckStatus = keyof typeof CHECK_LABEL;
