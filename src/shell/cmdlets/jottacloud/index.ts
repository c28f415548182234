import type { CmdletDefinition } from '../../api.js';
import { registerJottacloudViews } from '../../format/views/jottacloud.js';
import { getJottacloudLatest } from './latest.js';
import { getItemRevision, restoreItemRevision } from './revisions.js';
import { disableItemShare, enableItemShare, getItemShare } from './share.js';
import { clearRecycleBin, restoreItem } from './trash.js';

registerJottacloudViews();

/**
 * What Jottacloud offers beyond items and content: Trash (Restore-Item, Clear-RecycleBin),
 * revisions (Get-ItemRevision, Restore-ItemRevision), public links (Enable-/Disable-/Get-
 * ItemShare) and the Latest view (Get-JottacloudLatest). They need a ProviderEngine session
 * and work on paths of Jottacloud drives.
 */
export const jottacloudCmdlets: CmdletDefinition[] = [
  restoreItem,
  clearRecycleBin,
  getItemRevision,
  restoreItemRevision,
  enableItemShare,
  disableItemShare,
  getItemShare,
  getJottacloudLatest,
];
