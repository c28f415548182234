/**
 * Runs tasks with at most `limit` of them at once. A task that throws is remembered, not
 * raised at once: the others are let finish (a provider cleans up after a cancelled transfer
 * inside its own call), and `drain` then raises the first error.
 */
export class TaskPool {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly limit: number) {}

  /** True once a task has thrown: start no more. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Starts `task` as soon as a slot is free. */
  async add(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);

    const settled: Promise<void> = task()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.running.delete(settled));
    this.running.add(settled);
  }

  /** Waits for every started task, then raises the first error one of them threw. */
  async drain(): Promise<void> {
    await this.settle();
    if (this.failure) throw this.failure.error;
  }

  /** Waits for every started task without raising (the caller is failing already). */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }
}
