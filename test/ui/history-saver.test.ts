import { describe, expect, it } from 'vitest';
import { HistorySaver } from '../../src/ui/session/history-saver.js';

describe('history saver', () => {
  it('writes one batch at a time and sends lines accepted meanwhile together, in order', async () => {
    const written: string[][] = [];
    let releaseFirst = () => {};
    const firstWrite = new Promise<void>((resolve) => (releaseFirst = resolve));

    const saver = new HistorySaver(
      async (lines) => {
        written.push([...lines]);
        if (written.length === 1) await firstWrite;
      },
      () => {},
    );

    saver.request('a');
    saver.request('b');
    saver.request('c');
    releaseFirst();
    await saver.flush();

    expect(written).toEqual([['a'], ['b', 'c']]);
  });

  it('reports a failed write and keeps going', async () => {
    const errors: unknown[] = [];
    const written: string[][] = [];
    const saver = new HistorySaver(
      async (lines) => {
        if (lines[0] === 'bad') throw new Error('disk full');
        written.push([...lines]);
      },
      (error) => errors.push(error),
    );

    saver.request('bad');
    await saver.flush();
    saver.request('good');
    await saver.flush();

    expect(errors).toHaveLength(1);
    expect(written).toEqual([['good']]);
  });
});
