/**
 * The comparison operators that take PowerShell's case prefixes (`-ieq`, `-ceq`), without the
 * dash: the parser reads them and the runtime strips the prefix by this one list.
 */
export const CASE_AWARE_OPERATORS: ReadonlySet<string> = new Set([
  'eq',
  'ne',
  'gt',
  'ge',
  'lt',
  'le',
  'like',
  'notlike',
  'match',
  'notmatch',
  'contains',
  'notcontains',
  'in',
  'notin',
  'replace',
  'split',
]);
