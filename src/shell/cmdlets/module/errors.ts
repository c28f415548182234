import { JafsError } from '../../../core/errors.js';

/** A module could not be found, failed while loading, or exports nothing jafs can use. */
export class ModuleLoadError extends JafsError {
  constructor(name: string, reason: string, cause?: unknown) {
    const inner = cause instanceof Error ? ` ${cause.message}` : '';
    super(`The module '${name}' was not loaded: ${reason}.${inner}`, {
      code: 'EMODULE_LOAD',
      errorId: 'Modules_ModuleNotLoaded',
      category: 'ResourceUnavailable',
      targetObject: name,
      cause,
    });
  }
}
