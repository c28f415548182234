/**
 * What the shell needs from the provider engine. The engine (src/provider/engine.ts) implements
 * this and much more; the navigation cmdlets use the engine directly. Grows only by adding.
 */
export interface LocationInfo {
  /** Drive name without the colon: `JAFS`, `/` for the file system root drive. */
  drive: string;
  /** Provider path (see src/provider/types.ts). */
  providerPath: string;
  /** How PowerShell shows it: `JAFS:\Jotta\Archive`, `/home/me`. */
  display: string;
}

export interface PathCompletion {
  /** The path as it should be typed (keeps the user's drive/relative form and separators). */
  path: string;
  isContainer: boolean;
  /** The item's type name, shown in the completion menu. */
  typeName?: string;
}

export interface EngineApi {
  /** The current location ($PWD, the prompt). */
  currentLocation(): LocationInfo;
  /**
   * Paths that complete `partial` (an unquoted path prefix, possibly with wildcards), from the
   * listing cache when fresh. Containers only when `containersOnly`.
   */
  completePath(
    partial: string,
    options: { containersOnly: boolean; signal: AbortSignal },
  ): Promise<PathCompletion[]>;
}
