import { createHash } from 'node:crypto';
import { withTypeNames } from '../../core/psobject.js';
import type { ResolvedItem } from '../../provider/item-path.js';
import type { CmdletContext, CmdletDefinition } from '../api.js';
import { ParameterBindingError } from '../errors.js';
import { engineOf, forEachItem, pathParameters, targetPaths } from './navigation/common.js';
import { param } from './define.js';

/** PowerShell's names, and node's for them. */
const ALGORITHMS: Readonly<Record<string, string>> = {
  SHA1: 'sha1',
  SHA256: 'sha256',
  SHA384: 'sha384',
  SHA512: 'sha512',
  MD5: 'md5',
};

function algorithmOf(ctx: CmdletContext): string {
  const given = ctx.params.Algorithm === undefined ? 'SHA256' : String(ctx.params.Algorithm);
  const name = Object.keys(ALGORITHMS).find((key) => key === given.toUpperCase());
  if (name) return name;
  throw new ParameterBindingError(
    `Cannot validate argument on parameter 'Algorithm'. The argument "${given}" does not ` +
      `belong to the set "${Object.keys(ALGORITHMS).join(',')}".`,
    'ParameterArgumentValidationError',
  );
}

/**
 * The hash of one file. An MD5 the drive already knows (Jottacloud keeps one per file) is used
 * as is, so checking a backup on JAFS: does not download it; otherwise the content is streamed.
 */
async function hashOf(ctx: CmdletContext, target: ResolvedItem, algorithm: string) {
  const engine = engineOf(ctx.session);
  const content = await engine.openContent(target, { signal: ctx.signal });
  if (algorithm === 'MD5' && content.md5) return content.md5.toUpperCase();

  const hash = createHash(ALGORITHMS[algorithm]);
  const stream = await content.open(0, ctx.signal);
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex').toUpperCase();
}

/** Get-FileHash: Algorithm, Hash (upper-case hex) and Path of each file, on any drive. */
export const getFileHash: CmdletDefinition = {
  name: 'Get-FileHash',
  synopsis: 'Computes the hash of files, to check a copy or a backup.',
  description:
    'Reads each file through the provider engine (the file system, JAFS:) and writes its hash ' +
    'as upper-case hex. -Algorithm is SHA256 by default; SHA1, SHA384, SHA512 and MD5 are ' +
    'offered. On JAFS: with -Algorithm MD5 the MD5 Jottacloud stores for each file is used, ' +
    'without downloading the file.',
  parameters: [
    ...pathParameters({ mandatory: true }),
    param('Algorithm', 'string', {
      position: 1,
      suggestions: Object.keys(ALGORITHMS),
      help: 'SHA256 (default), SHA1, SHA384, SHA512 or MD5.',
    }),
  ],
  defaultParameterSet: 'Path',
  examples: [
    { code: 'Get-FileHash backup.zip', remarks: 'SHA256 of a local file.' },
    {
      code: 'Get-FileHash JAFS:\\Jotta\\Archive\\backup.zip -Algorithm MD5',
      remarks: 'Jottacloud’s stored MD5: nothing is downloaded.',
    },
    {
      code: 'Get-ChildItem *.iso | Get-FileHash -Algorithm SHA1',
      remarks: 'Piped files.',
    },
  ],
  async process(ctx) {
    const algorithm = algorithmOf(ctx);
    const files = targetPaths(ctx.params);

    await forEachItem(
      ctx,
      files,
      { signal: ctx.signal },
      async (target) => {
        // A folder has no hash: PowerShell passes over it.
        if (target.item.isContainer) return;
        const hash = await hashOf(ctx, target, algorithm);
        await ctx.write(
          withTypeNames(
            { Algorithm: algorithm, Hash: hash, Path: target.path.display },
            'Microsoft.PowerShell.Commands.FileHashInfo',
          ),
        );
      },
      false,
    );
  },
};
