import * as sdk from '../../../provider/sdk/index.js';
import * as providerErrors from '../../../provider/errors.js';
import { JafsError, OperationCanceledError } from '../../../core/errors.js';

/**
 * What a module's factory (its default export, or a `provider` export that is a function) is
 * called with: the SDK and the errors of the running jafs. A module written this way needs no
 * `import 'jafs/provider'`, so it loads from any folder, and its nodes and errors are the
 * running shell's own classes.
 */
export const MODULE_API = Object.freeze({
  ...sdk,
  ...providerErrors,
  JafsError,
  OperationCanceledError,
});

export type ModuleApi = typeof MODULE_API;
