import type { CmdletDefinition } from '../../api.js';
import { withTypeNames } from '../../../core/psobject.js';
import { ProviderNotFoundError } from '../../../provider/errors.js';
import { engineOf, strings } from './common.js';
import { select } from './drives.js';

/** Get-PSProvider: each provider with its derived capabilities, drives and home. */
export const getPSProvider: CmdletDefinition = {
  name: 'Get-PSProvider',
  synopsis: 'Lists the providers, what they can do, and their drives.',
  parameters: [
    {
      name: 'PSProvider',
      type: 'string[]',
      position: 0,
      acceptsWildcards: true,
      help: 'Provider names.',
    },
  ],
  examples: [{ code: 'Get-PSProvider', remarks: 'FileSystem, Jottacloud…' }],
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const errors: Error[] = [];
    const all = engine.getProviders();
    const providers = select(
      all,
      strings(ctx.params.PSProvider),
      (p) => p.name,
      (n) => new ProviderNotFoundError(n),
      errors,
    );
    for (const error of errors) ctx.writeError(error);

    for (const provider of providers) {
      const drives = engine.getDrives().filter((drive) => drive.provider === provider);
      await ctx.write(
        withTypeNames(
          {
            Name: provider.name,
            Capabilities: engine.capabilities(provider).join(', '),
            Drives: drives.map((drive) => drive.name),
            Home: provider.home,
            Description: provider.description,
          },
          'System.Management.Automation.ProviderInfo',
        ),
      );
    }
  },
};
