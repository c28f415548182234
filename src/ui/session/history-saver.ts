/**
 * Adds accepted lines to the history file one write at a time. Lines accepted while a write is
 * under way wait and go together in the next one, so the file never loses a line and never
 * sees them out of order.
 */
export class HistorySaver {
  private writing: Promise<void> | undefined;
  private pending: string[] = [];

  constructor(
    private readonly append: (lines: readonly string[]) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  request(line: string): void {
    this.pending.push(line);
    this.writing ??= this.drain();
  }

  /** Resolves once everything requested so far is on disk (or has failed). */
  flush(): Promise<void> {
    return this.writing ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const lines = this.pending;
      this.pending = [];
      try {
        await this.append(lines);
      } catch (error) {
        this.onError(error);
      }
    }
    this.writing = undefined;
  }
}
