import type { CmdletDefinition } from '../../api.js';
import { getChildItem, getItem } from './items.js';
import { mkdir, newItem } from './create.js';
import { removeItem } from './remove.js';
import { copyItem, moveItem, renameItem } from './transfer.js';
import { addContent, clearContent, getContent, setContent } from './content.js';
import { cdRoot, cdUp, getLocation, popLocation, pushLocation, setLocation } from './location.js';
import { getPSDrive, newPSDrive, removePSDrive } from './drives.js';
import { convertPath, resolvePath, testPath } from './paths.js';
import { joinPath, splitPath } from './split-join.js';
import { getPSProvider } from './providers.js';
import { itemPropertyCmdlets } from './item-property.js';
import { setItem } from './set-item.js';

/**
 * The navigation cmdlets: items, content, locations, drives and paths, all running on the
 * provider engine (`ctx.session.engine` must be a ProviderEngine). Aliases include the
 * Windows-only ones (ls, rm, mv, cp, cat, mkdir, md, mount…): inside jafs they clash with nothing.
 */
export const navigationCmdlets: CmdletDefinition[] = [
  getItem,
  getChildItem,
  newItem,
  mkdir,
  setItem,
  removeItem,
  renameItem,
  moveItem,
  copyItem,
  getContent,
  setContent,
  addContent,
  clearContent,
  testPath,
  setLocation,
  getLocation,
  pushLocation,
  popLocation,
  cdUp,
  cdRoot,
  getPSDrive,
  newPSDrive,
  removePSDrive,
  getPSProvider,
  resolvePath,
  convertPath,
  splitPath,
  joinPath,
  ...itemPropertyCmdlets,
];
