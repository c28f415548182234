import os from 'node:os';
import { withTypeNames } from '../../core/psobject.js';
import type { EngineApi } from '../../provider/engine-api.js';
import type { CmdletDefinition, Host, SessionApi } from '../api.js';
import type { ScriptBlockBody } from '../ast.js';
import type { ErrorRecord, SourceInfo } from '../errors.js';
import { Scope } from './scope.js';
import { Hashtable } from './values.js';

/** A function defined by a script: its body and the text it came from (for error positions). */
export interface FunctionInfo {
  name: string;
  body: ScriptBlockBody;
  source: SourceInfo;
}

export type ResolvedCommand =
  | { kind: 'cmdlet'; name: string; cmdlet: CmdletDefinition }
  | { kind: 'function'; name: string; fn: FunctionInfo };

/**
 * Everything one shell session holds: scopes and variables, the command registries (cmdlets,
 * aliases, functions), `$Error`, and the engine. It is what cmdlets see as `ctx.session`.
 */
export class Session implements SessionApi {
  readonly global = new Scope(undefined, 'global');
  /** The scope statements run in right now (SessionApi reads and writes here). */
  current: Scope = this.global;
  /** Function and script block calls running now, nested (see MAX_CALL_DEPTH). */
  callDepth = 0;
  readonly cmdlets = new Map<string, CmdletDefinition>();
  readonly aliases = new Map<string, string>();
  /** How Set-Alias spelled each alias (the map keys are lower-case). */
  readonly aliasNames = new Map<string, string>();
  readonly functions = new Map<string, FunctionInfo>();
  /** `$Error`, newest first. */
  readonly errors: ErrorRecord[] = [];
  /**
   * `$env:`: the environment itself (process.env unless the shell was given another), so that
   * `$env:X`, the `Env:` drive over the same object and child processes see one environment.
   */
  readonly env: Record<string, string | undefined>;
  /** `$?`: whether the last statement succeeded. */
  lastStatus = true;

  constructor(
    readonly engine: EngineApi,
    readonly host: Host,
    env: Record<string, string | undefined> = process.env,
  ) {
    this.env = env;
    const defaults: Record<string, unknown> = {
      HOME: os.homedir(),
      ErrorActionPreference: 'Continue',
      ProgressPreference: 'Continue',
      VerbosePreference: 'SilentlyContinue',
      WarningPreference: 'Continue',
      DebugPreference: 'SilentlyContinue',
      InformationPreference: 'SilentlyContinue',
      ConfirmPreference: 'High',
      WhatIfPreference: false,
      ErrorView: 'ConciseView',
      LASTEXITCODE: null,
      IsLinux: process.platform === 'linux',
      IsMacOS: process.platform === 'darwin',
      IsWindows: process.platform === 'win32',
      PID: process.pid,
      PSVersionTable: Hashtable.from({
        PSVersion: '7.4.0',
        PSEdition: 'Core',
        Platform: 'Unix',
        OS: `${os.type()} ${os.release()}`,
      }),
      MaximumHistoryCount: 4096,
    };
    for (const [name, value] of Object.entries(defaults)) this.global.set(name, value);
  }

  register(cmdlet: CmdletDefinition): void {
    this.cmdlets.set(cmdlet.name.toLowerCase(), cmdlet);
    for (const alias of cmdlet.aliases ?? []) this.aliases.set(alias.toLowerCase(), cmdlet.name);
  }

  /** Takes back a cmdlet `register` added (Remove-Module), unless another has its name now. */
  unregister(cmdlet: CmdletDefinition): void {
    const key = cmdlet.name.toLowerCase();
    if (this.cmdlets.get(key) !== cmdlet) return;
    this.cmdlets.delete(key);
    for (const alias of cmdlet.aliases ?? []) {
      if (this.aliases.get(alias.toLowerCase()) === cmdlet.name)
        this.aliases.delete(alias.toLowerCase());
    }
  }

  /** Functions first, then aliases, then cmdlets (PowerShell's lookup order, minus scripts). */
  resolveCommand(name: string): ResolvedCommand | undefined {
    let lower = name.toLowerCase();
    for (let hops = 0; hops < 10; hops += 1) {
      const fn = this.functions.get(lower);
      if (fn) return { kind: 'function', name: fn.name, fn };
      const alias = this.aliases.get(lower);
      if (alias) {
        lower = alias.toLowerCase();
        continue;
      }
      const cmdlet = this.cmdlets.get(lower);
      if (cmdlet) return { kind: 'cmdlet', name: cmdlet.name, cmdlet };
      return undefined;
    }
    return undefined;
  }

  getVariable(name: string): unknown {
    const lower = name.toLowerCase();
    if (lower === 'pwd') return this.pwd();
    if (lower === 'error') return this.errors;
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (lower === 'null') return null;
    if (lower === '?') return this.lastStatus;
    return this.current.lookup(name)?.value ?? null;
  }

  setVariable(name: string, value: unknown): void {
    this.current.set(name, value);
  }

  /** `$PWD`: a PathInfo that prints as the current location. */
  pwd(): Record<string, unknown> {
    const location = this.engine.currentLocation();
    const info = withTypeNames(
      {
        Drive: location.drive,
        Provider: '',
        ProviderPath: location.providerPath,
        Path: location.display,
      },
      'System.Management.Automation.PathInfo',
    );
    Object.defineProperty(info, 'toString', { value: () => location.display, enumerable: false });
    return info;
  }
}
