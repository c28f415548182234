import type { DriveDefinition, DriveInfo, DriveSpace, Provider } from '../../src/provider/types.js';
import type { JottacloudClient } from './client.js';
import {
  clearContent,
  getContent,
  getListedContent,
  setContent,
  setListedContent,
} from './content.js';
import { makeContainer, newItem, newItemTypes } from './create.js';
import { InvalidItemOperationError } from './errors.js';
import { findItem, listChildren, loadFrom } from './lookup.js';
import { copyItem, moveItem, renameItem } from './move.js';
import { dynamicParameters } from './parameters.js';
import { normalizeRoot } from './paths.js';
import { refuseSearchViews, refuseTrashWrites, throughSearchView } from './read-only.js';
import { removeItem } from './remove.js';
import { driveStateFor, type JottacloudDriveState } from './state.js';
import { walk } from './walk.js';

export interface JottacloudProviderOptions {
  /** The logged-in client every drive uses unless its definition brings its own. */
  client: JottacloudClient;
  /**
   * Web host that public links point at (default `https://www.jottacloud.com`); against the
   * local server, its URL. A drive definition's `options.webBaseUrl` overrides it.
   */
  webBaseUrl?: string;
}

/** Picks the drive's client: `options.client` of the definition, else the provider's. */
function clientFor(definition: DriveDefinition, fallback: JottacloudClient): JottacloudClient {
  const given = definition.options?.client;
  return given === undefined ? fallback : (given as JottacloudClient);
}

/**
 * The Jottacloud provider: `/` is the account, then devices, mount points, folders and files.
 * Names match case-insensitively; Trash, Links, Latest, Shared and trashed items are hidden
 * unless -Force.
 */
export function createJottacloudProvider(
  options: JottacloudProviderOptions,
): Provider<JottacloudDriveState> {
  return {
    name: 'Jottacloud',
    aliases: ['JottacloudPSProvider'],
    separator: '\\',
    caseSensitive: false,
    description: 'Devices, mount points, folders and files of a Jottacloud account.',

    async newDrive(definition, signal) {
      const web = definition.options?.webBaseUrl;
      const state = driveStateFor(
        clientFor(definition, options.client),
        typeof web === 'string' ? web : options.webBaseUrl,
      );

      // A host that starts the server itself on first use (the CLI's embedded one) says
      // `verifyRoot: false`: its root exists, and checking it would start the server now.
      if (definition.options?.verifyRoot === false && normalizeRoot(definition.root) === '/') {
        return state;
      }

      // Logs in (or proves the login still works) and checks the root before mounting.
      const rootPath = normalizeRoot(definition.root);
      const root = await loadFrom(state, rootPath, signal, definition.root);
      if (root.kind === 'file') {
        const message = `Cannot mount '${definition.name}:' at '${definition.root}': it is a file.`;
        throw new InvalidItemOperationError(definition.root, message);
      }
      return state;
    },

    async driveSpace(drive: DriveInfo<JottacloudDriveState>, signal): Promise<DriveSpace> {
      const user = await loadFrom(drive.state, '/', signal);
      if (user.kind !== 'user') return {};
      const unlimited = user.capacity < 0;
      return {
        used: user.usage,
        free: unlimited ? undefined : Math.max(0, user.capacity - user.usage),
      };
    },

    getItem: findItem,

    async *getChildItems(path, ctx) {
      yield* await listChildren(path, ctx);
    },

    newItemTypes,
    async newItem(path, itemType, value, ctx) {
      await refuseSearchViews([path], 'create', ctx);
      await refuseTrashWrites([path], 'create', ctx);
      return newItem(path, itemType, value, ctx);
    },
    async makeContainer(path, ctx) {
      await refuseSearchViews([path], 'create', ctx);
      await refuseTrashWrites([path], 'create', ctx);
      return makeContainer(path, ctx);
    },
    async removeItem(path, _options, ctx) {
      await refuseSearchViews([path], 'remove', ctx);
      return removeItem(path, ctx);
    },
    async renameItem(path, newName, ctx) {
      await refuseSearchViews([path], 'rename', ctx);
      await refuseTrashWrites([path], 'rename', ctx);
      return renameItem(path, newName, ctx);
    },
    async moveItem(path, destination, ctx) {
      await refuseSearchViews([path, destination], 'move', ctx);
      await refuseTrashWrites([destination], 'move to', ctx);
      return moveItem(path, destination, ctx);
    },
    async copyItem(path, destination, copyOptions, ctx) {
      await refuseSearchViews([destination], 'copy to', ctx);
      await refuseTrashWrites([destination], 'copy to', ctx);
      const source = await throughSearchView(path, ctx);
      return copyItem(source, destination, copyOptions.recurse, ctx);
    },
    // Reads through Links and Latest go to the file itself; writes there are refused.
    async getContent(path, ctx) {
      const through = await throughSearchView(path, ctx);
      // A trashed file named through the Trash view is read at its own path, as -Force reads it.
      return getContent(through, through === path ? ctx : { ...ctx, force: true });
    },
    getListedContent: async (path, item, ctx) =>
      getListedContent(await throughSearchView(path, ctx), item, ctx),
    async setContent(path, source, ctx) {
      await refuseSearchViews([path], 'write', ctx);
      await refuseTrashWrites([path], 'write', ctx);
      return setContent(path, source, ctx);
    },
    async setListedContent(path, source, existing, ctx) {
      await refuseSearchViews([path], 'write', ctx);
      await refuseTrashWrites([path], 'write', ctx);
      return setListedContent(path, source, existing, ctx);
    },
    async clearContent(path, ctx) {
      await refuseSearchViews([path], 'clear', ctx);
      await refuseTrashWrites([path], 'clear', ctx);
      return clearContent(path, ctx);
    },
    walk,
    dynamicParameters: (cmdlet) => dynamicParameters(cmdlet),
  };
}
