import type { CmdletContext } from '../../api.js';
import { localsOf } from '../../runtime/context.js';
import { targetPaths } from './common.js';

/**
 * Set-Content and Add-Content with values piped in and the path on the command line gather the
 * values over the whole pipeline and write them once at the end, as PowerShell's one content
 * writer per pipeline does (on JAFS: one upload and one revision, not one per record).
 */

/** The piped values gathered so far, or undefined when this pipeline does not gather. */
export function gathering(ctx: CmdletContext): unknown[] | undefined {
  try {
    return localsOf(ctx).contentValues as unknown[] | undefined;
  } catch {
    return undefined;
  }
}

/**
 * In `begin`: starts gathering when the values will come from the pipeline and the paths from
 * the command line. 'per record' when they will but the context has no per-pipeline state (a
 * cmdlet run outside the shell), so the caller writes each record instead.
 */
export function startGathering(ctx: CmdletContext): 'gathering' | 'per record' | 'no' {
  const valuesFromPipeline = ctx.expectingInput && ctx.params.Value === undefined;
  if (!valuesFromPipeline || targetPaths(ctx.params).paths.length === 0) return 'no';
  try {
    localsOf(ctx).contentValues = [];
    return 'gathering';
  } catch {
    return 'per record';
  }
}

/** In `process`: adds this record's piped value to the gathered ones; false when not gathering. */
export function gathered(ctx: CmdletContext): boolean {
  const values = gathering(ctx);
  if (!values || !isPipedValue(ctx)) return false;
  const value = ctx.params.Value;
  values.push(...(Array.isArray(value) ? value : [value]));
  return true;
}

/** True when this record's -Value is the piped object (not paths bound from piped items). */
export function isPipedValue(ctx: CmdletContext): boolean {
  if (!ctx.expectingInput) return false;
  const value = ctx.params.Value;
  return value === ctx.input || (Array.isArray(value) && value.includes(ctx.input));
}
