import { isAbortError, JafsError } from '../../core/errors.js';
import type { ConfirmImpact } from '../api.js';
import { ErrorRecord } from '../errors.js';
import type { InvocationState } from './context.js';
import { TerminatingError } from './flow.js';
import { toStr } from './values.js';

/** The four answers of PowerShell's confirmation prompt (ShouldContinue shows these). */
export const YES_NO = [
  { label: '&Yes', help: 'Continue with only the next step of the operation.' },
  { label: 'Yes to &All', help: 'Continue with all the steps of the operation.' },
  { label: '&No', help: 'Skip this operation and proceed with the next operation.' },
  { label: 'No to A&ll', help: 'Skip this operation and all subsequent operations.' },
];

const CONFIRM_CHOICES = [
  ...YES_NO,
  {
    label: '&Suspend',
    help: 'Pause the current pipeline and return to the command prompt. Type "exit" to resume the pipeline.',
  },
];

const IMPACT_RANK: Readonly<Record<string, number>> = { low: 1, medium: 2, high: 3 };

/**
 * A confirmation that a run with nobody to answer (-c, a script file, piped input) cannot ask.
 * It stops the command before it changes anything; the message says how to go ahead.
 */
export class ConfirmationRequiredError extends JafsError {
  constructor(commandName: string, action: string, target: string, asked: boolean) {
    const [why, how] = asked
      ? ['-Confirm asks before each change', 'Leave out -Confirm']
      : [`${commandName} asks before it does this`, 'Add -Force or -Confirm:$false'];
    super(
      `Cannot perform the operation "${action}" on target "${target}": ${why}, but jafs is ` +
        `running non-interactively (-c, a script file or piped input) and cannot ask. ${how} ` +
        'to go ahead, or use -WhatIf to see what would change.',
      {
        code: 'ECONFIRM',
        errorId: 'ConfirmationRequired',
        category: 'InvalidOperation',
        targetObject: target,
      },
    );
  }
}

/**
 * ShouldProcess as PowerShell runs it: -WhatIf reports and declines; -Confirm, or an impact at or
 * above $ConfirmPreference (High by default), asks unless -Force or -Confirm:$false is bound.
 * `impact` is the call's own when a switch makes it riskier than the cmdlet's ConfirmImpact
 * (Remove-Item -Permanent is High).
 *
 * With nobody to ask (a non-interactive host), the question is never left waiting: a cmdlet
 * that is High by nature (Clear-RecycleBin) or an explicit -Confirm stops the statement with
 * ConfirmationRequiredError; an impact raised by a switch the script passed stands as the
 * script's own decision, so `Remove-Item JAFS:\Dev -Permanent` in a script does what it says
 * (the JaFS documentation script relies on that).
 */
export async function shouldProcess(
  inv: InvocationState,
  target: string,
  action: string,
  force: boolean,
  impact?: ConfirmImpact,
): Promise<boolean> {
  const session = inv.ev.session;
  const whatIf = inv.common.WhatIf ?? session.getVariable('WhatIfPreference');
  const line = `Performing the operation "${action}" on target "${target}".`;
  if (whatIf === true) {
    session.host.write(`What if: ${line}\n`);
    return false;
  }

  const asked = inv.common.Confirm === true;
  if (!asked && (force || !confirmsByDefault(inv, impact))) return true;
  if (inv.confirmAll !== undefined) return inv.confirmAll;

  // Nobody to ask, and the script itself passed the switch that raised the impact: do it.
  const host = session.host;
  if (!host.interactive && !asked && rank(impact) > rank(inv.confirmImpact ?? 'Medium')) {
    return true;
  }

  let choice: number;
  try {
    const message = `Are you sure you want to perform this action?\n${line}`;
    choice = await host.choose('Confirm', message, CONFIRM_CHOICES, 0, inv.st.signal);
  } catch (error) {
    // A host with nobody to ask refuses the prompt: say how to go ahead instead.
    if (host.interactive || isAbortError(error)) throw error;
    throw refusal(inv, new ConfirmationRequiredError(inv.commandName, action, target, asked));
  }

  if (choice === 1) inv.confirmAll = true;
  if (choice === 3) inv.confirmAll = false;
  return choice === 0 || choice === 1;
}

/**
 * Whether ShouldProcess asks unasked: the impact at or above $ConfirmPreference. A bound -Force
 * skips that question (not an explicit -Confirm), as Clear-RecycleBin -Force does.
 */
function confirmsByDefault(inv: InvocationState, impact: ConfirmImpact | undefined): boolean {
  if (inv.common.Confirm === false) return false;
  const preference = toStr(inv.ev.session.getVariable('ConfirmPreference')).toLowerCase();
  const threshold = IMPACT_RANK[preference];
  const effective = Math.max(rank(impact), rank(inv.confirmImpact ?? 'Medium'));
  return threshold !== undefined && effective >= threshold;
}

/** An impact as a number (none: 0). */
function rank(impact: ConfirmImpact | undefined): number {
  return impact === undefined ? 0 : (IMPACT_RANK[impact.toLowerCase()] ?? 0);
}

/**
 * The refusal as a statement-terminating error: a cmdlet that reports its per-item failures
 * (Remove-Item over many paths) must not turn it into one message per item and go on.
 */
function refusal(inv: InvocationState, error: ConfirmationRequiredError): TerminatingError {
  const record = new ErrorRecord(error, {
    commandName: inv.commandName,
    source: inv.source,
    extent: inv.extent,
  });
  return new TerminatingError(record, false);
}
