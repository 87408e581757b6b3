// A steady stream of API requests with one key, recording when each started and what it got.
import { performance } from "node:perf_hooks";
import { e2eBaseUrl } from "./env";
import { freshAddress } from "./api";

export type Sample = { start: number; end: number; status: number };

export type Stream = { samples: Sample[]; stop: () => Promise<Sample[]> };

// `concurrency` loops of GET path with the key, back to back, until stopped. Each request comes from
// an address of its own, so the 401s after a revocation never turn into the failure rate limit's 429s.
export function streamRequests(key: string, path = "/v4/sources", concurrency = 2, baseUrl = e2eBaseUrl()): Stream {
  const samples: Sample[] = [];
  let running = true;
  const loop = async () => {
    while (running) {
      const start = performance.now();
      let status = 0;
      try {
        const res = await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${key}`, "X-Forwarded-For": freshAddress() } });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = -1; // no answer at all
      }
      samples.push({ start, end: performance.now(), status });
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  return {
    samples,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return samples;
    },
  };
}

// Wait until the stream has sent at least n more requests.
export async function waitForSamples(stream: Stream, n: number): Promise<void> {
  const target = stream.samples.length + n;
  while (stream.samples.length < target) await new Promise((r) => setTimeout(r, 10));
}
