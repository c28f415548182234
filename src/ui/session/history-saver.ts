/**
 * Writes the history file one save at a time. Saves are requested after every command; if one
 * is still being written, only the newest entries are written next, so a slow disk never lets
 * an older list land after a newer one.
 */
export class HistorySaver {
  private writing: Promise<void> | undefined;
  private next: readonly string[] | undefined;

  constructor(
    private readonly save: (entries: readonly string[]) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  request(entries: readonly string[]): void {
    this.next = entries;
    this.writing ??= this.drain();
  }

  /** Resolves once everything requested so far is on disk (or has failed). */
  flush(): Promise<void> {
    return this.writing ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    while (this.next) {
      const entries = this.next;
      this.next = undefined;
      try {
        await this.save(entries);
      } catch (error) {
        this.onError(error);
      }
    }
    this.writing = undefined;
  }
}
