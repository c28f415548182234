import { JafsError } from '../core/errors.js';

/** What the command line asks for. */
export type Invocation =
  | { mode: 'help' }
  | { mode: 'version' }
  | { mode: 'serve'; args: string[] }
  | { mode: 'login'; args: string[] }
  | { mode: 'logout'; args: string[] }
  | { mode: 'command'; text: string }
  | { mode: 'file'; file: string; args: string[] }
  | { mode: 'stdin' }
  | { mode: 'interactive' };

export class UsageError extends JafsError {
  constructor(message: string) {
    super(`${message} Run 'jafs --help' for usage.`, {
      code: 'EUSAGE',
      errorId: 'InvalidCommandLine',
      category: 'InvalidArgument',
    });
  }
}

/**
 * Reads the command line the way pwsh does: options come first; `-c`/`-Command` takes the rest
 * of the line as the command text; the first other word is a script file and everything after it
 * belongs to the script (`jafs backup.ps1 -Verbose` passes -Verbose to the script).
 */
export function parseArguments(argv: readonly string[], stdinIsTTY: boolean): Invocation {
  if (argv[0] === 'serve') return { mode: 'serve', args: argv.slice(1) };
  if (argv[0] === 'login') return { mode: 'login', args: argv.slice(1) };
  if (argv[0] === 'logout') return { mode: 'logout', args: argv.slice(1) };

  for (let index = 0; index < argv.length; index++) {
    const word = argv[index];
    const option = word.toLowerCase();

    if (option === '-h' || option === '--help' || option === '-help' || option === '-?') {
      return { mode: 'help' };
    }
    if (option === '-v' || option === '--version' || option === '-version') {
      return { mode: 'version' };
    }
    if (option === '-c' || option === '-command' || option === '--command') {
      const rest = argv.slice(index + 1);
      if (rest.length === 0) throw new UsageError(`Missing the command text after ${word}.`);
      return { mode: 'command', text: rest.join(' ') };
    }
    if (option === '-f' || option === '-file' || option === '--file') {
      const file = argv[index + 1];
      if (!file) throw new UsageError(`Missing the script file after ${word}.`);
      return { mode: 'file', file, args: argv.slice(index + 2) };
    }
    if (option === '-noprofile' || option === '-nologo') continue;
    if (word.startsWith('-') && word !== '-') throw new UsageError(`Unknown option '${word}'.`);
    if (word === '-') return { mode: 'stdin' };

    return { mode: 'file', file: word, args: argv.slice(index + 1) };
  }

  return stdinIsTTY ? { mode: 'interactive' } : { mode: 'stdin' };
}

export const USAGE = `Usage:
  jafs                         open the interactive shell (local JFS server unless logged in)
  jafs -c "<commands>"         run commands and exit
  jafs script.ps1 [args...]    run a script file (also: jafs -File script.ps1)
  echo 'Get-Location' | jafs   run commands from standard input
  jafs login [--token T] [--server URL]
                               store a Jottacloud login made with a personal login token (asked
                               for without echo when not given); JAFS: then opens on it
  jafs logout                  remove the stored login (JAFS: is the local server again)
  jafs serve [--host H] [--port N] [--data DIR] [--account NAME:PASSWORD]...
                               run the local JFS server alone; prints its base URL first

Environment:
  JAFS_HOME    where jafs keeps its data (default: the jafs folder in your XDG data directory)
  JAFS_LOGIN_TOKEN  the personal login token for 'jafs login' (instead of --token)
  NO_COLOR     no colours
  JAFS_DEBUG   log HTTP requests to stderr (credentials removed)
`;
