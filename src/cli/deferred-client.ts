import type { Readable } from 'node:stream';
import type { JottacloudClient } from '../../providers/jottacloud/index.js';
import type { UploadSource } from '../jfs/upload.js';
import type { Jottacloud } from '../jfs/index.js';
import type { DeviceType } from '../jfs/models.js';

/**
 * A JFS client that exists before its server runs: the first call opens the real client (for
 * the embedded server: starts it) and every call then goes to that client. A start that fails
 * is not remembered, so a later command tries again (another jafs may have released the data
 * folder meanwhile).
 */
export class DeferredClient implements JottacloudClient {
  readonly #open: () => Promise<Jottacloud>;
  #client: Promise<Jottacloud> | undefined;

  constructor(open: () => Promise<Jottacloud>) {
    this.#open = open;
  }

  /** Whether a call has opened (or is opening) the real client. */
  get opened(): boolean {
    return this.#client !== undefined;
  }

  /** The real client, opened on first use. */
  client(): Promise<Jottacloud> {
    if (!this.#client) {
      const opening = this.#open();
      opening.catch(() => {
        if (this.#client === opening) this.#client = undefined;
      });
      this.#client = opening;
    }
    return this.#client;
  }

  /** Closes the real client if one was opened; nothing to do otherwise. */
  async close(): Promise<void> {
    const opening = this.#client;
    this.#client = undefined;
    const client = await opening?.catch(() => undefined);
    await client?.close();
  }

  async getUser(signal?: AbortSignal) {
    return (await this.client()).getUser(signal);
  }

  async getDevice(device: string, signal?: AbortSignal) {
    return (await this.client()).getDevice(device, signal);
  }

  async createDevice(device: string, type: DeviceType, signal?: AbortSignal) {
    return (await this.client()).createDevice(device, type, signal);
  }

  async deleteDevice(device: string, signal?: AbortSignal) {
    return (await this.client()).deleteDevice(device, signal);
  }

  async createMountPoint(device: string, mountPoint: string, signal?: AbortSignal) {
    return (await this.client()).createMountPoint(device, mountPoint, signal);
  }

  async deleteMountPoint(
    device: string,
    mountPoint: string,
    options: { permanent: boolean },
    signal?: AbortSignal,
  ) {
    return (await this.client()).deleteMountPoint(device, mountPoint, options, signal);
  }

  async getObject(path: string, signal?: AbortSignal) {
    return (await this.client()).getObject(path, signal);
  }

  async createFolder(path: string, signal?: AbortSignal) {
    return (await this.client()).createFolder(path, signal);
  }

  async deleteFolder(path: string, options: { permanent: boolean }, signal?: AbortSignal) {
    return (await this.client()).deleteFolder(path, options, signal);
  }

  async deleteFile(path: string, options: { permanent: boolean }, signal?: AbortSignal) {
    return (await this.client()).deleteFile(path, options, signal);
  }

  async moveFile(path: string, destination: string, signal?: AbortSignal) {
    return (await this.client()).moveFile(path, destination, signal);
  }

  async moveFolder(path: string, destination: string, signal?: AbortSignal) {
    return (await this.client()).moveFolder(path, destination, signal);
  }

  async copyFile(path: string, destination: string, signal?: AbortSignal) {
    return (await this.client()).copyFile(path, destination, signal);
  }

  async upload(
    path: string,
    source: UploadSource,
    options: { signal?: AbortSignal; onProgress?: (sent: number, total: number) => void },
  ) {
    return (await this.client()).upload(path, source, options);
  }

  async download(
    path: string,
    options: { revision?: number; offset?: number; signal?: AbortSignal },
  ): Promise<{ stream: Readable; size?: number }> {
    return (await this.client()).download(path, options);
  }

  async listTree(path: string, signal?: AbortSignal) {
    return (await this.client()).listTree(path, signal);
  }

  async username(signal?: AbortSignal) {
    return (await this.client()).username(signal);
  }

  async restoreFile(path: string, signal?: AbortSignal) {
    return (await this.client()).restoreFile(path, signal);
  }

  async purgeTrash(signal?: AbortSignal) {
    return (await this.client()).purgeTrash(signal);
  }

  async setShared(path: string, shared: boolean, signal?: AbortSignal) {
    return (await this.client()).setShared(path, shared, signal);
  }

  async getLatest(options: { max?: number }, signal?: AbortSignal) {
    return (await this.client()).getLatest(options, signal);
  }

  async getLinks(signal?: AbortSignal) {
    return (await this.client()).getLinks(signal);
  }
}
