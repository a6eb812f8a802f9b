/** Long work in progress (reading a large file), so the console can cancel it by id. */
export class JobRegistry {
  private readonly running = new Map<string, AbortController>();

  start(jobId: string): AbortSignal {
    const controller = new AbortController();
    this.running.set(jobId, controller);
    return controller.signal;
  }

  /** Long work still running (a restore waits for none). */
  get activeCount(): number {
    return this.running.size;
  }

  finish(jobId: string): void {
    this.running.delete(jobId);
  }

  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort();
    this.running.delete(jobId);
    return true;
  }
}
