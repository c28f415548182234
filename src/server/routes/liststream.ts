import type { Located } from '../backend.js';
import { rfc3339Millis } from '../format.js';
import { nextTraceId } from '../http/respond.js';
import { type RevisionRow, viewOf } from '../store/revisions.js';
import { escapeText } from '../xml/writer.js';
import type { JfsRequest } from './context.js';

/**
 * `mode=liststream` (§3.9, §8.10): compact XML, every live folder of the subtree as
 * `<folder><path>` before its completed, live files, then `<stats>`. Paths are relative to the
 * device. The root element name is unknown on the real service; `liststream` is our choice.
 * Written folder by folder so a huge tree is never one string in memory.
 */
export function sendListStream(request: JfsRequest, start: Located): void {
  const { backend, res } = request;
  res.writeHead(200, { 'Content-Type': 'text/xml; charset=UTF-8', 'X-ID': nextTraceId() });
  res.write('<?xml version="1.0" encoding="UTF-8"?><liststream>');

  let folders = 0;
  let files = 0;
  const visit = (nodeId: number, path: string): void => {
    folders += 1;
    const children = backend.tree
      .children(start.device.id, nodeId)
      .filter((c) => c.deleted === null);
    const parts = [`<folder><path>${escapeText(path)}</path></folder>`];
    // The revisions of all files of the folder in one query, not one per file.
    const revisions = children.some((c) => c.kind === 'file')
      ? backend.revisions.ofChildren(nodeId)
      : new Map<number, RevisionRow[]>();
    for (const child of children) {
      if (child.kind !== 'file') continue;
      const current = viewOf(revisions.get(child.id) ?? []).current;
      if (!current) continue;
      files += 1;
      parts.push(
        `<file><path>${escapeText(path)}</path><filename>${escapeText(child.name)}</filename>` +
          `<md5>${current.md5}</md5><size>${current.size}</size>` +
          `<modified>${rfc3339Millis(current.modified)}</modified><created>${rfc3339Millis(current.created)}</created></file>`,
      );
    }
    res.write(parts.join(''));
    for (const child of children)
      if (child.kind !== 'file') visit(child.id, `${path}/${child.name}`);
  };

  const base = ['', ...backend.tree.ancestorNames(start.node), start.node.name].join('/');
  visit(start.node.id, base);
  res.end(`<stats><folders>${folders}</folders><files>${files}</files></stats></liststream>`);
}
