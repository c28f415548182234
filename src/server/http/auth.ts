import type { IncomingMessage } from 'node:http';
import type { Backend } from '../backend.js';
import type { Account } from '../store/accounts.js';
import { badCredentials } from './errors.js';

/**
 * The account a request speaks for: HTTP Basic with the account password (legacy, §2.2) or a
 * Bearer access token this server issued (§2.6). Anything else is 401 BadCredentialsException.
 */
export function authenticate(backend: Backend, req: IncomingMessage): Account {
  const header = req.headers.authorization ?? '';
  const space = header.indexOf(' ');
  const scheme = header.slice(0, Math.max(space, 0)).toLowerCase();
  const value = header.slice(space + 1).trim();

  if (scheme === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const account = colon > 0 ? backend.accounts.find(decoded.slice(0, colon)) : undefined;
    if (account && backend.accounts.verifyPassword(account, decoded.slice(colon + 1)))
      return account;
  } else if (scheme === 'bearer' && value !== '') {
    const accountId = backend.tokens.authenticate(value);
    const account = accountId === undefined ? undefined : backend.accounts.byId(accountId);
    if (account) return account;
  }
  throw badCredentials();
}
