import type { ErrorRecord } from '../errors.js';

/** Control flow travels as exceptions through nested statements, blocks and calls. */
export class BreakSignal {
  constructor(readonly label?: string) {}
}

export class ContinueSignal {
  constructor(readonly label?: string) {}
}

export class ReturnSignal {}

export class ExitSignal {
  constructor(readonly code: number) {}
}

/**
 * A terminating error on its way up. Statement-terminating errors stop one statement; script-
 * terminating ones (`throw`, -ErrorAction Stop) stop the whole run unless a try/catch takes them.
 */
export class TerminatingError extends Error {
  /** Set under `2>$null`: recorded in $Error but not shown. */
  silent = false;

  constructor(
    readonly record: ErrorRecord,
    readonly scriptTerminating: boolean,
  ) {
    super(record.Exception.message);
    this.name = 'TerminatingError';
  }
}

export function isFlowSignal(value: unknown): boolean {
  return (
    value instanceof BreakSignal ||
    value instanceof ContinueSignal ||
    value instanceof ReturnSignal ||
    value instanceof ExitSignal ||
    value instanceof StopUpstream
  );
}

/**
 * Thrown by a cmdlet that needs no more input (Select-Object -First): the commands before it
 * stop, and it and the commands after it still run their end blocks.
 */
export class StopUpstream {
  /** The pipeline stage that asked to stop (set by the stage as the signal leaves it). */
  origin?: unknown;
}
