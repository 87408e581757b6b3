// A counting semaphore for one process: at most `limit` holders, the rest wait in order (or are refused when
// the queue is full), so a flood of requests queues instead of multiplying CPU- or connection-heavy work.
export class QueueFull extends Error {
  constructor() {
    super("too many requests are waiting");
  }
}

export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxQueue = Number.POSITIVE_INFINITY,
  ) {}

  // Run `work` once a slot is free; throws QueueFull when too many already wait.
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  // How many run now and how many wait.
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  private acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxQueue) return Promise.reject(new QueueFull());
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

// Semaphores by key (per account, say), created on first use and dropped when idle.
export class KeyedSemaphore {
  private readonly byKey = new Map<string, Semaphore>();

  constructor(readonly limit: number) {}

  // How many run and wait under a key now.
  loadOf(key: string): { active: number; waiting: number } {
    return this.byKey.get(key)?.load ?? { active: 0, waiting: 0 };
  }

  // Run `work` under the key's semaphore.
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    let gate = this.byKey.get(key);
    if (!gate) this.byKey.set(key, (gate = new Semaphore(this.limit)));
    try {
      return await gate.run(work);
    } finally {
      const load = gate.load;
      if (load.active === 0 && load.waiting === 0) this.byKey.delete(key);
    }
  }
}
