import type { CmdletDefinition } from '../../api.js';
import { connectJottacloud, disconnectJottacloud } from './connect.js';
import type { AccountService } from './service.js';

export type { AccountService, ConnectRequest, ConnectResult, DisconnectResult } from './service.js';

/** Connect-Jottacloud and Disconnect-Jottacloud, working through the host's `service`. */
export function accountCmdlets(service: AccountService): CmdletDefinition[] {
  return [connectJottacloud(service), disconnectJottacloud(service)];
}
