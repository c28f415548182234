import { once } from 'node:events';
import type { Located } from '../backend.js';
import { nextTraceId } from '../http/respond.js';
import { fileDirListFolders } from '../xml/containers.js';
import { rootAttrs } from '../xml/documents.js';
import { renderDocument, writeElement } from '../xml/writer.js';
import type { JfsRequest } from './context.js';

const SLOT = '__folders__';

/**
 * `GET <container>?mode=list` (§3.8, §8.9), written folder by folder with back-pressure: the real
 * service sends this unpaged and it can be hundreds of MB, so it is never one string here.
 */
export async function sendFileDirList(request: JfsRequest, start: Located): Promise<void> {
  const { backend, res } = request;
  const frame = renderDocument({
    name: 'filedirlist',
    attrs: rootAttrs(backend),
    children: [{ name: 'folders', children: [{ name: SLOT }] }],
  });
  const [head, tail] = frame.split(`    <${SLOT}/>\n`);

  res.writeHead(200, { 'Content-Type': 'text/xml; charset=UTF-8', 'X-ID': nextTraceId() });
  res.write(head);
  for (const folder of fileDirListFolders(backend, start)) {
    const parts: string[] = [];
    writeElement(folder, 2, parts);
    if (!res.write(parts.join(''))) await once(res, 'drain');
    if (res.destroyed) return;
  }
  res.end(tail);
}
