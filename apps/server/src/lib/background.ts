/**
 * Work the server does after answering (reading an uploaded file, recomputing flags). Each job
 * is tracked so closing the server waits for it, and tests can wait until all are done.
 */
export class BackgroundJobs {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly onError: (name: string, error: unknown) => void) {}

  /** Starts a job; its failure is logged, never thrown into a request. */
  start(name: string, work: () => Promise<void>): void {
    const job = work()
      .catch((error) => this.onError(name, error))
      .finally(() => this.running.delete(job));
    this.running.add(job);
  }

  /** Resolves when every job started so far (and any they started) has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  get size(): number {
    return this.running.size;
  }
}
