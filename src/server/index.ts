/**
 * The local JFS server: an emulation of Jottacloud's JFS, JSON and OIDC endpoints on one origin,
 * for the shell's embedded mode, `jafs serve` and every test.
 */
export { startServer } from './start.js';
export type { AccountSeed, QuirkOptions, RunningServer, ServerOptions } from './options.js';
export type { FaultHandle, FaultInjector, FaultRule } from './faults.js';
export { DataDirLockedError } from './store/lock.js';
export { type SeedEntry, type SeedReport, SeedTargetError } from './seed.js';
