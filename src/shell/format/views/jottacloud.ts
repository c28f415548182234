import { getMember } from '../../runtime/members.js';
import { cellText } from '../cells.js';
import { registerTableView, type ViewColumn } from '../views.js';

/**
 * Table views of the objects the Jottacloud cmdlets write: revisions (Get-ItemRevision),
 * public links (Enable-/Get-ItemShare) and Trash summaries (Restore-Item, Clear-RecycleBin).
 */
function column(
  header: string,
  align: 'left' | 'right',
  width?: number,
  read: (object: unknown) => string = (object) => cellText(getMember(object, header)),
): ViewColumn {
  return { header, align, width, value: read };
}

/** `*` marks the revision reads give back. */
const currentMark = (object: unknown) => (getMember(object, 'Current') === true ? '*' : '');

const REVISION_COLUMNS: ViewColumn[] = [
  column('Current', 'left', 7, currentMark),
  column('Number', 'right', 6),
  column('State', 'left', 10),
  column('Size', 'right', 12),
  column('Modified', 'left', 22),
  column('Updated', 'left', 22),
  column('MD5', 'left'),
];

const SHARE_COLUMNS: ViewColumn[] = [
  column('Shared', 'left', 6),
  column('Path', 'left', 45),
  column('PublicLink', 'left'),
];

const TRASH_SUMMARY_COLUMNS: ViewColumn[] = [
  column('Files', 'right', 7),
  column('Folders', 'right', 7),
  column('Path', 'left'),
];

/** Registers the views once; the Jottacloud cmdlets call it when their module loads. */
export function registerJottacloudViews(): void {
  registerTableView('Jafs.Jottacloud.Revision', REVISION_COLUMNS);
  registerTableView('Jafs.Jottacloud.Share', SHARE_COLUMNS);
  registerTableView('Jafs.Jottacloud.TrashSummary', TRASH_SUMMARY_COLUMNS);
}
