/**
 * What the account cmdlets need from the program that hosts the shell: storing a login made
 * with a personal login token, mounting a drive on it, and forgetting it. The CLI's workspace
 * implements it (the shell layer knows nothing of JAFS_HOME or of the JFS client).
 */
export interface AccountService {
  /**
   * Exchanges the personal login token, stores the login (replacing any stored one) and mounts
   * (or re-mounts) drive `name` on it. `server` is one origin serving JFS and the API (the local
   * server); none means the real service.
   */
  connect(request: ConnectRequest, signal: AbortSignal): Promise<ConnectResult>;
  /** Removes the stored login and unmounts the drives mounted on it. */
  disconnect(signal: AbortSignal): Promise<DisconnectResult>;
}

export interface ConnectRequest {
  token: string;
  server?: string;
  name: string;
}

export interface ConnectResult {
  username: string;
  server: string;
  drive: string;
  /** Where the login is stored. */
  file: string;
}

export interface DisconnectResult {
  /** False when there was no stored login. */
  removed: boolean;
  /** Drives that were mounted on the login and are now gone. */
  drives: string[];
  file: string;
}
