import { readFile } from 'node:fs/promises';
import path from 'node:path';

const GUIDE = path.join(import.meta.dirname, '../../docs/writing-a-provider.md');

/** The first ```js block of the guide: the example provider, exactly as a reader copies it. */
export async function guideExample(): Promise<string> {
  const text = await readFile(GUIDE, 'utf8');
  const match = /```js\n([\s\S]*?)```/.exec(text);
  if (!match) throw new Error('The guide has no ```js example.');
  return match[1];
}
