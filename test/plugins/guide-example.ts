import { readFile } from 'node:fs/promises';
import path from 'node:path';

const GUIDE = path.join(import.meta.dirname, '../../docs/writing-a-provider.md');

/** The `index`th ```js block of the guide, exactly as a reader copies it. */
export async function guideBlock(index: number): Promise<string> {
  const text = await readFile(GUIDE, 'utf8');
  const blocks = [...text.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]);
  if (blocks[index] === undefined) throw new Error(`The guide has no ${index + 1}. js block.`);
  return blocks[index];
}

/** The first ```js block of the guide: the example provider. */
export function guideExample(): Promise<string> {
  return guideBlock(0);
}

/** The second ```js block: the example provider's contract test (json-provider.test.js). */
export function guideContractTest(): Promise<string> {
  return guideBlock(1);
}
