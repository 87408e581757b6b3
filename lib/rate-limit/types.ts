// Fixed-window counters shared by every app instance (database or Redis), never one process's memory.
export type Hit = { allowed: boolean; count: number; retryAfterSeconds: number };

export interface RateLimitStore {
  // Count one event under `key` in a window of `windowMs`; allowed while the count stays within `limit`.
  hit(key: string, limit: number, windowMs: number, now?: Date): Promise<Hit>;
  // The count of the current window without counting anything (0 when the window is over or never began).
  peek(key: string, now?: Date): Promise<{ count: number; retryAfterSeconds: number }>;
  // Delete every counter whose window is over (the database store also does it by itself, at most once a minute;
  // Redis keys expire on their own). Returns how many went.
  purgeExpired(now?: Date): Promise<number>;
  // Forget a key (tests, or an operator clearing a lock-out).
  reset(key: string): Promise<void>;
  // Release connections (Redis); a no-op for the database store.
  close(): Promise<void>;
}

export function outcome(count: number, limit: number, resetAt: number, now: number): Hit {
  return { allowed: count <= limit, count, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
}
