/**
 * Supplies the Authorization header of every request. Implementations never log or put the
 * header in an error message.
 */
export interface Authenticator {
  /** The header value for the next request (`Basic …` or `Bearer …`). */
  authorization(signal?: AbortSignal): Promise<string>;
  /**
   * Called once after a 401 with the header the server refused. Resolves true when a retry with
   * a new header is worth it (a token was refreshed), false when the credentials are final.
   */
  renew(refused: string, signal?: AbortSignal): Promise<boolean>;
}

/** HTTP Basic (§2.2): a fixed login and password; a 401 is final. */
export class BasicAuthenticator implements Authenticator {
  private readonly header: string;

  constructor(username: string, password: string) {
    this.header = 'Basic ' + Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  }

  async authorization(): Promise<string> {
    return this.header;
  }

  async renew(): Promise<boolean> {
    return false;
  }
}
