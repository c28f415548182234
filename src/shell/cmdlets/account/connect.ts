import { withTypeNames } from '../../../core/psobject.js';
import type { CmdletDefinition } from '../../api.js';
import { param } from '../define.js';
import type { AccountService } from './service.js';

/**
 * `Connect-Jottacloud -Token <personal login token> [-Server <url>] [-Name JAFS]`: stores the
 * login like `jafs login` and mounts a drive on it in the running shell. The token is neither
 * written to output nor kept (history lines with "token" in them are not saved by the UI).
 */
export function connectJottacloud(service: AccountService): CmdletDefinition {
  return {
    name: 'Connect-Jottacloud',
    synopsis: 'Logs in to Jottacloud with a personal login token and mounts a drive on it.',
    description:
      'Exchanges a personal login token (made in the web UI under Settings > Security) for a ' +
      'session, stores it in JAFS_HOME (as jafs login does) and mounts the drive -Name on the ' +
      'account, replacing a drive of that name. -Server is the one origin of a local JFS ' +
      'server; without it the real service is used.',
    parameters: [
      param('Token', 'string', {
        mandatory: true,
        position: 0,
        help: 'The personal login token; used once, never stored or shown.',
      }),
      param('Server', 'string', {
        help: 'The URL of a local JFS server (JFS and API on one origin); default: Jottacloud.',
      }),
      param('Name', 'string', { help: 'The drive to mount on the account. Default: JAFS.' }),
    ],
    examples: [
      {
        code: 'Connect-Jottacloud -Token $env:JAFS_LOGIN_TOKEN',
        remarks: 'Logs in and mounts JAFS: on the account.',
      },
    ],
    async process(ctx) {
      const name = String(ctx.params.Name ?? 'JAFS').replace(/:$/, '');
      const server = ctx.params.Server === undefined ? undefined : String(ctx.params.Server);
      const token = String(ctx.params.Token);

      const connected = await service.connect({ token, server, name }, ctx.signal);
      await ctx.write(
        withTypeNames(
          {
            Username: connected.username,
            Server: connected.server,
            Drive: `${connected.drive}:`,
            LoginFile: connected.file,
          },
          'Jafs.JottacloudLogin',
        ),
      );
    },
  };
}

/** `Disconnect-Jottacloud`: removes the stored login and the drives mounted on it. */
export function disconnectJottacloud(service: AccountService): CmdletDefinition {
  return {
    name: 'Disconnect-Jottacloud',
    synopsis: 'Removes the stored Jottacloud login and unmounts the drives that use it.',
    parameters: [],
    async process(ctx) {
      const result = await service.disconnect(ctx.signal);
      const drives = result.drives.map((drive) => `${drive}:`).join(', ');
      ctx.host.write(
        result.removed
          ? `Logged out: removed the stored login ${result.file}` +
              (drives ? `; unmounted ${drives}.\n` : '.\n')
          : 'Not logged in: there was no stored login.\n',
      );
    },
  };
}
