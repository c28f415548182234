import { setFlagsFromString } from 'node:v8';

/**
 * Keeps V8 from recompiling undici's WebAssembly HTTP parser (llhttp) with its optimizing
 * compiler. That compile starts on a background thread shortly after the first requests and
 * holds ~35 MB of memory while it runs (a quarter of a large upload's peak RSS in the
 * benchmark), plus CPU time a 2-core machine feels; the baseline (Liftoff) code parses the
 * few headers of each answer fast enough, and bodies are not parsed byte by byte.
 *
 * Process-wide: every WebAssembly module compiled afterwards stays on the baseline compiler.
 * So the jafs CLI calls this at start and the library never does. Call it before the first
 * request, which is when undici compiles the parser.
 */
export function useBaselineWasmCompiler(): void {
  setFlagsFromString('--liftoff-only');
}
