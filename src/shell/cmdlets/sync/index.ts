import type { CmdletDefinition } from '../../api.js';
import { syncItemCmdlet } from './sync-item.js';

/** The sync cmdlets; the CLI adds them to the shell's cmdlet list (src/cli/workspace.ts). */
export const syncCmdlets: CmdletDefinition[] = [syncItemCmdlet];

export { SYNC_SUMMARY_TYPE } from './sync-item.js';
