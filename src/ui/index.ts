/**
 * The interactive terminal UI (Ink). The CLI calls `startInteractive`; tests render `App` over
 * an `InteractiveSession` with ink-testing-library.
 */
export { startInteractive } from './start.js';
export type { StartInteractiveOptions } from './start.js';
export { App } from './components/App.js';
export type { AppProps } from './components/App.js';
export { createInkHost, colorEnabled } from './ink-host.js';
export type { InkHostOptions } from './ink-host.js';
export { InteractiveSession } from './session/session.js';
export type { SessionOptions } from './session/session.js';
export { PromptCancelledError } from './session/requests.js';
export { DEFAULT_BINDINGS, describeKey } from './keys/bindings.js';
export type { Command, KeySpec } from './keys/bindings.js';
