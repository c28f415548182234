import type { FaultInjector } from './faults.js';
import type { SeedEntry, SeedReport } from './seed.js';

/** One account the server makes sure exists at start. */
export interface AccountSeed {
  /** The JFS username (the `<user>` path segment); matched case-insensitively. */
  username: string;
  /** Created with it, or reset to it when the account exists. */
  password: string;
  /**
   * Capacity in bytes; uploads beyond it are answered 460. `-1` means unlimited (the user
   * document then says `unlimited`). Applied on every start when given.
   * @default -1 for a new account; an existing account keeps its quota
   */
  quotaBytes?: number;
}

/** Switches for server behaviour that the protocol notes list as uncertain (§1.4, §4.8, §7.7). */
export interface QuirkOptions {
  /**
   * What `dl=true` / `dlDir=true` on a missing path answers: 404 NoSuchFileException (2018 report,
   * rclone#2655) or 200 with an empty file document (rclone's current comment).
   * @default 404
   */
  softDeleteMissingStatus?: 200 | 404;
  /**
   * Treat a literal `;` as the end of its path segment, as Jetty does (rclone#2750).
   * @default false
   */
  semicolonEndsSegment?: boolean;
  /**
   * Answer 400 for a decoded name that still looks percent-encoded (`%XX`, rclone#9153).
   * @default false
   */
  rejectPercentNames?: boolean;
  /** Answer 404 for a name with a leading space (rclone#2744). @default false */
  rejectLeadingSpace?: boolean;
  /**
   * `mkDir` on a path whose folder is in the trash answers with that trashed folder (carrying
   * `deleted`) and creates nothing, one reading of jottalib#155 (B29). By default a new live
   * folder is made and the trashed one stays in the trash.
   * @default false
   */
  mkDirReturnsTrashed?: boolean;
}

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** Folder for the metadata database, blobs and the lock file; created if missing. */
  dataDir: string;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Accounts created if missing; their passwords are (re)set on every start. */
  accounts?: AccountSeed[];
  /** Lifetime of issued access tokens. @default 3600 */
  accessTokenLifetimeSeconds?: number;
  /** Lifetime of personal login tokens from `issueLoginToken`. @default 600 */
  loginTokenLifetimeSeconds?: number;
  /**
   * OIDC realms served under `/auth/realms/<realm>`; tokens are bound to the realm that issued
   * them (a refresh at another realm is `invalid_grant`).
   * @default ['jottacloud']
   */
  realms?: string[];
  /** The `host` attribute of documents and the error `hostname`. @default 'dn-100' */
  nodeName?: string;
  /** Uncertain behaviours; see {@link QuirkOptions}. */
  quirks?: QuirkOptions;
  /** Receives one line per request (method, path, status) — never credentials. @default none */
  log?: (line: string) => void;
}

/** What {@link startServer} returns. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:43211` (no trailing slash). */
  url: string;
  /** Stops listening, ends keep-alive connections, closes the database and releases the lock. */
  close(): Promise<void>;
  /**
   * A personal login token for an existing account: base64url (no padding) JSON with `username`,
   * `realm`, `well_known_link` (pointing at this server) and a single-use `auth_token`.
   */
  issueLoginToken(username: string, realm?: string): string;
  /** Creates an account (or resets its password) while the server runs. */
  addAccount(account: AccountSeed): void;
  /** Sets an account's capacity in bytes (-1 = unlimited). */
  setQuota(username: string, bytes: number): void;
  /**
   * Puts folders and files straight into an account's store in one transaction, for tests and
   * benchmarks that need a big tree fast (see {@link SeedEntry}); each distinct content is
   * stored once. Refused (SeedTargetError) for an unknown account or device.
   */
  seed(username: string, entries: Iterable<SeedEntry>): Promise<SeedReport>;
  /** Fault injection (statuses, latency, connection resets, token expiry); see FaultInjector. */
  faults: FaultInjector;
}

/** Options with every default filled in. */
export interface ResolvedServerOptions {
  dataDir: string;
  host: string;
  port: number;
  accessTokenLifetimeSeconds: number;
  loginTokenLifetimeSeconds: number;
  realms: string[];
  nodeName: string;
  quirks: Required<QuirkOptions>;
  shareIdPrefix: string;
  log: (line: string) => void;
}

export function resolveOptions(options: ServerOptions): ResolvedServerOptions {
  return {
    dataDir: options.dataDir,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600,
    loginTokenLifetimeSeconds: options.loginTokenLifetimeSeconds ?? 600,
    realms: options.realms ?? ['jottacloud'],
    nodeName: options.nodeName ?? 'dn-100',
    quirks: {
      softDeleteMissingStatus: options.quirks?.softDeleteMissingStatus ?? 404,
      semicolonEndsSegment: options.quirks?.semicolonEndsSegment ?? false,
      rejectPercentNames: options.quirks?.rejectPercentNames ?? false,
      rejectLeadingSpace: options.quirks?.rejectLeadingSpace ?? false,
      mkDirReturnsTrashed: options.quirks?.mkDirReturnsTrashed ?? false,
    },
    shareIdPrefix: '0000',
    log: options.log ?? (() => undefined),
  };
}
