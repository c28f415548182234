import { ErrorRecord } from '../errors.js';
import { childRow, childrenHeader, isItem, parentDisplay } from './children.js';
import { FormattedText } from './formatted.js';
import { isScalar, renderRun, shapeOf } from './views.js';

/**
 * Out-Default: turns one statement's output objects into text. Provider items stream straight
 * out as rows of the grouped children table (so long listings appear as they arrive); other
 * objects are buffered and rendered in runs of the same shape when the statement ends.
 */
export class OutDefault {
  private buffer: unknown[] = [];
  private directory: string | undefined;

  constructor(
    private readonly write: (text: string) => void,
    private readonly width: () => number,
    private readonly color: boolean,
    private readonly renderError: (record: ErrorRecord) => string,
  ) {}

  push(value: unknown): void {
    if (value === undefined) return;
    if (Array.isArray(value)) {
      // Out-Default unrolls a collection that reaches it as one object.
      for (const item of value) this.push(item);
      return;
    }
    if (isItem(value)) {
      this.flushBuffer();
      const directory = parentDisplay(value);
      if (directory !== this.directory) {
        this.write(childrenHeader(directory));
        this.directory = directory;
      }
      this.write(childRow(value, this.color));
      return;
    }
    this.closeChildren();
    if (value instanceof FormattedText) {
      this.flushBuffer();
      this.write(value.text);
      return;
    }
    if (value instanceof ErrorRecord) {
      this.flushBuffer();
      this.write(this.renderError(value));
      return;
    }
    if (this.buffer.length === 0 && isScalar(value)) {
      this.write(renderRun([value], this.width()));
      return;
    }
    this.buffer.push(value);
  }

  /** Ends the statement: renders what is buffered and closes an open children table. */
  flush(): void {
    this.flushBuffer();
    this.closeChildren();
  }

  private closeChildren(): void {
    if (this.directory === undefined) return;
    this.write('\n');
    this.directory = undefined;
  }

  private flushBuffer(): void {
    const values = this.buffer;
    this.buffer = [];
    this.write(renderValues(values, this.width()));
  }
}

/** Text of a sequence of values (Out-Default, Out-String), in runs of the same shape. */
export function renderValues(values: readonly unknown[], width: number): string {
  let text = '';
  let run: unknown[] = [];
  let shape = '';
  for (const value of values.flat()) {
    const next = shapeOf(value);
    if (run.length > 0 && next !== shape) {
      text += renderRun(run, width);
      run = [];
    }
    shape = next;
    run.push(value);
  }
  if (run.length > 0) text += renderRun(run, width);
  return text;
}
