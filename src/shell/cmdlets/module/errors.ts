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

/** Remove-Module of a module whose drive is the current location: nothing is removed. */
export class ModuleDriveInUseError extends JafsError {
  constructor(module: string, drive: string) {
    super(
      `The module '${module}' was not removed: its drive ${drive}: is the current location. ` +
        'Set-Location to another drive, then remove the module again.',
      {
        code: 'EMODULE_BUSY',
        errorId: 'Modules_ModuleDriveInUse',
        category: 'ResourceBusy',
        targetObject: module,
      },
    );
  }
}

/** Remove-Module of a name that matches no loaded module. */
export class ModuleNotLoadedError extends JafsError {
  constructor(name: string) {
    super(`No module named '${name}' is loaded; Get-Module lists the loaded ones.`, {
      code: 'EMODULE_NOT_LOADED',
      errorId: 'Modules_NoModulesRemoved',
      category: 'ResourceUnavailable',
      targetObject: name,
    });
  }
}
