import { JafsError, type ErrorCategory } from '../core/errors.js';
import type { Extent } from './ast.js';

/** The text a node came from, so errors can show the line and mark the failing extent. */
export interface SourceInfo {
  text: string;
  /** Script path, when the text came from a file. */
  file?: string;
}

/** A syntax error: where it is and what was expected. */
export class ParseError extends JafsError {
  readonly offset: number;
  readonly length: number;
  /** True when the text simply ended too early (the UI then asks for a continuation line). */
  readonly incomplete: boolean;

  constructor(
    message: string,
    offset: number,
    options: { length?: number; incomplete?: boolean; errorId?: string } = {},
  ) {
    super(message, {
      code: 'EPARSE',
      errorId: options.errorId ?? 'ParseError',
      category: 'ParserError',
    });
    this.offset = offset;
    this.length = options.length ?? 1;
    this.incomplete = options.incomplete ?? false;
  }
}

/** A runtime failure of the language itself (bad operand, null method call, conversion). */
export class ScriptRuntimeError extends JafsError {
  constructor(
    message: string,
    errorId: string,
    category: ErrorCategory = 'InvalidOperation',
    /** The .NET exception PowerShell would wrap (what `catch [Type]` matches), if any. */
    readonly innerType?: string,
  ) {
    super(message, { code: 'ESCRIPT', errorId, category });
  }
}

/** A parameter-binding failure (unknown, ambiguous, missing or unconvertible parameter). */
export class ParameterBindingError extends JafsError {
  /** The argument or parameter token at fault, for the error display. */
  extent?: Extent;

  constructor(message: string, errorId: string, category: ErrorCategory = 'InvalidArgument') {
    super(message, { code: 'EBINDING', errorId, category });
  }
}

/** Runs `fn`, pinning a binding error on `extent` if it has no position yet. */
export function atExtent<T>(extent: Extent | undefined, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ParameterBindingError && !error.extent) error.extent = extent;
    throw error;
  }
}

/** `The term 'x' is not recognized…` */
export class CommandNotFoundError extends JafsError {
  constructor(name: string) {
    super(
      `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or ` +
        'executable program.\nCheck the spelling of the name, or if a path was included, verify ' +
        'that the path is correct and try again.',
      {
        code: 'ECOMMAND',
        errorId: 'CommandNotFoundException',
        category: 'ObjectNotFound',
        targetObject: name,
      },
    );
  }
}

/** What `throw` raises: carries the thrown value. */
export class ThrownError extends JafsError {
  readonly value: unknown;

  constructor(message: string, value: unknown) {
    super(message, { code: 'ETHROW', errorId: message, category: 'OperationStopped' });
    this.value = value;
  }
}

/**
 * PowerShell's ErrorRecord: the exception plus where it happened. Scripts read it as `$_` in
 * catch blocks and through `$Error`, so its members are PascalCase properties.
 */
export class ErrorRecord {
  readonly Exception: Error;
  readonly TargetObject: unknown;
  readonly FullyQualifiedErrorId: string;
  readonly CategoryInfo: { Category: string; Reason: string; TargetName: string; Activity: string };
  /** The command that raised it (`Get-Item`), empty for language errors. */
  readonly commandName: string;
  readonly source?: SourceInfo;
  readonly extent?: Extent;

  constructor(
    exception: Error,
    options: { commandName?: string; targetObject?: unknown; source?: SourceInfo; extent?: Extent },
  ) {
    this.Exception = exception;
    const jafs = exception instanceof JafsError ? exception : undefined;
    this.TargetObject = options.targetObject ?? jafs?.targetObject;
    this.commandName = options.commandName ?? '';
    const errorId = jafs?.errorId ?? exception.name;
    this.FullyQualifiedErrorId = this.commandName ? `${errorId},${this.commandName}` : errorId;
    this.CategoryInfo = {
      Category: jafs?.category ?? 'NotSpecified',
      Reason: exception instanceof ThrownError ? 'RuntimeException' : exception.name,
      TargetName: this.TargetObject === undefined ? '' : String(this.TargetObject),
      Activity: this.commandName,
    };
    this.source = options.source;
    this.extent = options.extent;
  }

  get InvocationInfo(): { ScriptName: string; ScriptLineNumber: number; Line: string } {
    const where = locate(this.source, this.extent);
    return { ScriptName: this.source?.file ?? '', ScriptLineNumber: where.line, Line: where.text };
  }

  get ErrorDetails(): null {
    return null;
  }

  toString(): string {
    return this.Exception.message;
  }
}

/** Line number (1-based), column (0-based) and text of the line containing `extent.start`. */
export function locate(
  source: SourceInfo | undefined,
  extent: Extent | undefined,
): { line: number; column: number; text: string } {
  if (!source || !extent) return { line: 0, column: 0, text: '' };
  const before = source.text.slice(0, extent.start);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  let lineEnd = source.text.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = source.text.length;
  const text = source.text.slice(lineStart, lineEnd).replace(/\r$/, '');
  return { line, column: extent.start - lineStart, text };
}

/** Wraps anything thrown into an Error the shell can report. */
export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (value instanceof ErrorRecord) return value.Exception;
  return new ThrownError(String(value), value);
}

/** Too many nested calls: runaway recursion, stopped before it exhausts memory. */
export class CallDepthOverflowError extends JafsError {
  constructor() {
    super('The script failed due to call depth overflow.', {
      code: 'ECALLDEPTH',
      errorId: 'CallDepthOverflow',
      category: 'InvalidOperation',
    });
  }
}
