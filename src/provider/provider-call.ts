import { JafsError, OperationCanceledError, isAbortError } from '../core/errors.js';
import type { DriveInfo, ProgressEvent, ProviderContext } from './types.js';
import type { ItemPath } from './item-path.js';
import { ProviderInvocationError } from './errors.js';

/** What a cmdlet hands the engine for one operation besides the paths. */
export interface OperationOptions {
  /** Aborted on Ctrl+C. */
  signal?: AbortSignal;
  /** -Force: hidden items included, overwrites allowed. */
  force?: boolean;
  /** Values of the provider's dynamic parameters, by canonical name. */
  dynamic?: Readonly<Record<string, unknown>>;
  progress?(event: ProgressEvent): void;
  verbose?(message: string): void;
  warning?(message: string): void;
}

const NEVER = new AbortController().signal;

/** The ProviderContext a provider call on `drive` receives. */
export function contextFor(drive: DriveInfo, options: OperationOptions = {}): ProviderContext {
  return {
    signal: options.signal ?? NEVER,
    force: options.force ?? false,
    dynamic: options.dynamic ?? {},
    drive,
    progress: (event) => options.progress?.(event),
    verbose: (message) => options.verbose?.(message),
    warning: (message) => options.warning?.(message),
  };
}

/**
 * Runs a provider call and turns anything unexpected it throws into a ProviderInvocationError
 * naming the operation and path; jafs errors and cancellations pass through unchanged.
 */
export async function callProvider<T>(
  operation: string,
  path: ItemPath,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw providerError(operation, path, error);
  }
}

/** The error to raise for a provider failure (see callProvider). */
export function providerError(operation: string, path: ItemPath, error: unknown): unknown {
  if (error instanceof JafsError) return error;
  if (isAbortError(error)) return new OperationCanceledError();
  return new ProviderInvocationError(operation, path.drive.provider.name, path.display, error);
}

/** Throws the shell's cancellation error when `signal` has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new OperationCanceledError();
}
