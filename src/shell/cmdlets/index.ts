import type { CmdletDefinition } from '../api.js';
import { commandCmdlets } from './commands.js';
import { csvCmdlets } from './csv.js';
import { dataCmdlets } from './data.js';
import { formatCmdlets } from './format.js';
import { getFileHash } from './file-hash.js';
import { hostCmdlets } from './host-io.js';
import { variableCmdlets } from './variables.js';
import { outCmdlets } from './out.js';
import { outFile } from './out-file.js';
import { selectCmdlet } from './select.js';
import { selectString } from './select-string.js';
import { sortGroupMeasureCmdlets } from './sort-group-measure.js';
import { whereForeachCmdlets } from './where-foreach.js';
import { writeCmdlets } from './write.js';

/** The cmdlets of the language itself, registered in every shell. */
export const languageCmdlets: readonly CmdletDefinition[] = [
  ...writeCmdlets,
  ...outCmdlets,
  outFile,
  ...whereForeachCmdlets,
  selectCmdlet,
  ...sortGroupMeasureCmdlets,
  ...formatCmdlets,
  ...hostCmdlets,
  ...variableCmdlets,
  ...commandCmdlets,
  ...dataCmdlets,
  selectString,
  getFileHash,
  ...csvCmdlets,
];
