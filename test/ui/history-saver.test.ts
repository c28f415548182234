import { describe, expect, it } from 'vitest';
import { HistorySaver } from '../../src/ui/session/history-saver.js';

describe('history saver', () => {
  it('writes one list at a time and skips to the newest while a write is slow', async () => {
    const written: string[][] = [];
    let releaseFirst = () => {};
    const firstWrite = new Promise<void>((resolve) => (releaseFirst = resolve));

    const saver = new HistorySaver(
      async (entries) => {
        if (written.length === 0) {
          written.push([...entries]);
          await firstWrite;
          return;
        }
        written.push([...entries]);
      },
      () => {},
    );

    saver.request(['a']);
    saver.request(['a', 'b']);
    saver.request(['a', 'b', 'c']);
    releaseFirst();
    await saver.flush();

    expect(written).toEqual([['a'], ['a', 'b', 'c']]);
  });

  it('reports a failed write and keeps going', async () => {
    const errors: unknown[] = [];
    const written: string[][] = [];
    const saver = new HistorySaver(
      async (entries) => {
        if (entries.length === 1) throw new Error('disk full');
        written.push([...entries]);
      },
      (error) => errors.push(error),
    );

    saver.request(['a']);
    await saver.flush();
    saver.request(['a', 'b']);
    await saver.flush();

    expect(errors).toHaveLength(1);
    expect(written).toEqual([['a', 'b']]);
  });
});
