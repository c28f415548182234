import { withTypeNames } from '../../core/psobject.js';
import { OperationCanceledError } from '../../core/errors.js';
import type { CmdletDefinition } from '../api.js';
import { convertTo } from '../runtime/convert.js';
import { formatDateCustom } from '../runtime/format-string.js';
import { SecureString, toStr } from '../runtime/values.js';
import { param } from './define.js';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new OperationCanceledError());
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new OperationCanceledError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** UNIX-style `Get-Date -UFormat` specifiers scripts use most. */
function uformat(date: Date, format: string): string {
  const map: Record<string, string> = {
    Y: 'yyyy',
    y: 'yy',
    m: 'MM',
    d: 'dd',
    H: 'HH',
    M: 'mm',
    S: 'ss',
    b: 'MMM',
    B: 'MMMM',
    a: 'ddd',
    A: 'dddd',
    I: 'hh',
    p: 'tt',
    e: 'd',
  };
  return format.replace(/%([a-zA-Z%])/g, (_, c: string) => {
    if (c === '%') return '%';
    if (c === 's') return String(Math.floor(date.getTime() / 1000));
    if (c === 'F') return formatDateCustom(date, 'yyyy-MM-dd');
    if (c === 'T') return formatDateCustom(date, 'HH:mm:ss');
    if (c === 'j')
      return String(
        Math.floor((date.getTime() - new Date(date.getFullYear(), 0, 0).getTime()) / 86_400_000),
      ).padStart(3, '0');
    return map[c] ? formatDateCustom(date, map[c]) : c;
  });
}

export const hostCmdlets: CmdletDefinition[] = [
  {
    name: 'Read-Host',
    synopsis: 'Reads a line of input from the console.',
    parameters: [
      param('Prompt', 'object', { position: 0, valueFromRemainingArguments: true }),
      param('AsSecureString', 'switch'),
      param('MaskInput', 'switch'),
    ],
    examples: [{ code: "$name = Read-Host 'Your name'", remarks: 'Asks for a name.' }],
    async process(ctx) {
      const prompt = ctx.params.Prompt === undefined ? '' : `${toStr(ctx.params.Prompt)}: `;
      const secure = ctx.params.AsSecureString === true;
      const line = await ctx.host.readLine(prompt, {
        mask: secure || ctx.params.MaskInput === true,
        signal: ctx.signal,
      });
      await ctx.write(secure ? new SecureString(line) : line);
    },
  },
  {
    name: 'Get-Credential',
    synopsis: 'Asks for a user name and password and returns a credential object.',
    parameters: [
      param('Credential', 'object', { position: 0, aliases: ['UserName'] }),
      param('Message', 'string'),
      param('Title', 'string'),
    ],
    examples: [
      {
        code: '$cred = Get-Credential me@example.com',
        remarks: 'Asks for the password of a user.',
      },
    ],
    async process(ctx) {
      const given = ctx.params.Credential;
      if (given && typeof given === 'object') {
        await ctx.write(given);
        return;
      }
      ctx.host.write(
        `${toStr(ctx.params.Title ?? 'PowerShell credential request')}\n${toStr(ctx.params.Message ?? 'Enter your credentials.')}\n`,
      );
      const user = given ? toStr(given) : await ctx.host.readLine('User: ', { signal: ctx.signal });
      const password = await ctx.host.readLine(`Password for user ${user}: `, {
        mask: true,
        signal: ctx.signal,
      });
      await ctx.write(
        withTypeNames(
          { UserName: user, Password: new SecureString(password) },
          'System.Management.Automation.PSCredential',
        ),
      );
    },
  },
  {
    name: 'Start-Sleep',
    aliases: ['sleep'],
    synopsis: 'Waits for the given time (Ctrl+C stops it).',
    defaultParameterSet: 'Seconds',
    parameters: [
      param('Seconds', 'double', {
        position: 0,
        mandatory: true,
        parameterSets: ['Seconds'],
        aliases: ['s'],
      }),
      param('Milliseconds', 'int', {
        mandatory: true,
        parameterSets: ['Milliseconds'],
        aliases: ['ms'],
      }),
    ],
    examples: [{ code: 'Start-Sleep -Seconds 2', remarks: 'Waits two seconds.' }],
    async process(ctx) {
      const ms =
        typeof ctx.params.Milliseconds === 'number'
          ? ctx.params.Milliseconds
          : Number(ctx.params.Seconds) * 1000;
      await sleep(ms, ctx.signal);
    },
  },
  {
    name: 'Get-Date',
    synopsis: 'Gets the current date and time, or builds a date from parts.',
    parameters: [
      param('Date', 'datetime', {
        position: 0,
        valueFromPipeline: true,
        valueFromPipelineByPropertyName: true,
        aliases: ['LastWriteTime'],
      }),
      param('Year', 'int'),
      param('Month', 'int'),
      param('Day', 'int'),
      param('Hour', 'int'),
      param('Minute', 'int'),
      param('Second', 'int'),
      param('Millisecond', 'int'),
      param('Format', 'string'),
      param('UFormat', 'string'),
      param('DisplayHint', 'string', { values: ['Date', 'Time', 'DateTime'] }),
      param('AsUTC', 'switch'),
    ],
    examples: [{ code: "Get-Date -Format 'yyyy-MM-dd'", remarks: "Today's date as text." }],
    async process(ctx) {
      const p = ctx.params;
      const date = new Date(p.Date instanceof Date ? p.Date : Date.now());
      if (typeof p.Year === 'number') date.setFullYear(p.Year);
      if (typeof p.Month === 'number') date.setMonth(p.Month - 1);
      if (typeof p.Day === 'number') date.setDate(p.Day);
      if (typeof p.Hour === 'number') date.setHours(p.Hour);
      if (typeof p.Minute === 'number') date.setMinutes(p.Minute);
      if (typeof p.Second === 'number') date.setSeconds(p.Second);
      if (typeof p.Millisecond === 'number') date.setMilliseconds(p.Millisecond);
      if (typeof p.Format === 'string') await ctx.write(formatDateCustom(date, p.Format));
      else if (typeof p.UFormat === 'string') await ctx.write(uformat(date, p.UFormat));
      else await ctx.write(date);
    },
  },
  {
    name: 'Clear-Host',
    aliases: ['cls', 'clear'],
    synopsis: 'Clears the screen.',
    parameters: [],
    process(ctx) {
      if (ctx.host.interactive || ctx.host.color) ctx.host.write('\x1b[2J\x1b[3J\x1b[H');
    },
  },
];

export { convertTo };
