import type { DriveInfo } from '../../../provider/types.js';
import { ModuleDriveInUseError } from './errors.js';
import { forgetModule, type LoadedModule, type ModuleTarget } from './loader.js';

/**
 * Unloads a module (Remove-Module): its cmdlets, its providers with every drive of theirs, and
 * the drives it mounted for other providers. Refused before anything changes while the current
 * location is on one of those drives, as PowerShell refuses. Failures of a provider cleaning up
 * a drive do not keep the module loaded; they are returned for the caller to report.
 */
export async function removeModule(target: ModuleTarget, module: LoadedModule): Promise<unknown[]> {
  const engine = target.engine;
  const drives = drivesOf(target, module);
  const current = engine.currentPath().drive;
  if (drives.includes(current)) throw new ModuleDriveInUseError(module.name, current.name);

  const failures: unknown[] = [];
  for (const drive of drives.filter((d) => !module.providers.includes(d.provider))) {
    await engine.removeDrive(drive.name).catch((error: unknown) => failures.push(error));
  }
  for (const provider of module.providers) {
    failures.push(...(await engine.unregisterProvider(provider.name)));
  }
  for (const cmdlet of module.cmdlets) target.unregister?.(cmdlet);

  forgetModule(engine, module);
  return failures;
}

/** The drives mounted now that belong to the module: its providers' and its own. */
function drivesOf(target: ModuleTarget, module: LoadedModule): DriveInfo[] {
  return target.engine
    .getDrives()
    .filter((drive) => module.providers.includes(drive.provider) || module.drives.includes(drive));
}
