import { EventEmitter } from 'node:events';

/** A stdin that Ink can put in raw mode and read from, fed by `type`. */
export class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private chunks: string[] = [];

  type(data: string): void {
    this.chunks.push(data);
    this.emit('readable');
  }

  read(): string | null {
    return this.chunks.shift() ?? null;
  }

  setEncoding(): this {
    return this;
  }
  setRawMode(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
}

/** A terminal-like stdout that keeps everything written to it. */
export class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  columns = 100;
  rows = 30;
  written = '';

  write(data: string): boolean {
    this.written += data;
    return true;
  }
}
