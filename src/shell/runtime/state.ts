import type { Extent } from '../ast.js';
import type { SourceInfo } from '../errors.js';
import type { Scope } from './scope.js';

/** Where a piece of code runs: its scope, its source text, and the run's cancellation. */
export interface ExecState {
  scope: Scope;
  source: SourceInfo;
  signal: AbortSignal;
  /** > 0 inside a try block: statement-terminating errors then go to the catch. */
  tryDepth: number;
  /** Inside a function: its name and where it was called (Write-Error reports that place). */
  invocation?: { name: string; extent: Extent; source: SourceInfo };
}

/** Emits one output object of a statement (or of a whole script block). */
export type Emit = (value: unknown) => Promise<void>;

/** A `[type]` literal used as a value (`-is [int]`, `-as [string]`). */
export class TypeRef {
  constructor(readonly typeName: string) {}

  toString(): string {
    return this.typeName;
  }
}
