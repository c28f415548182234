import type { CmdletDefinition } from '../api.js';
import { ParameterBindingError } from '../errors.js';
import { renderForFile, writeOutputFile } from '../runtime/output-file.js';
import { ENCODING_NAMES, encodingNamed } from './navigation/content-encoding.js';
import { INPUT_OBJECT, param } from './define.js';
import { collecting } from './out.js';

/**
 * Out-File: what the host would have shown, written to a file. `>` and `>>` write through the
 * same code (src/shell/runtime/output-file.ts), so both give the same bytes.
 */
export const outFile: CmdletDefinition = collecting(
  {
    name: 'Out-File',
    synopsis: 'Sends output to a file, formatted as the host would display it.',
    description:
      'Writes the text Out-Host would print (tables, lists, the listing of items) to a file on ' +
      'any drive with content: the file system or JAFS:. UTF-8 without a byte order mark ' +
      'unless -Encoding says otherwise; lines end in a line feed. `cmd > file` is ' +
      'Out-File file; `cmd >> file` is Out-File file -Append.',
    parameters: [
      param('FilePath', 'string', {
        position: 0,
        mandatory: true,
        aliases: ['Path'],
        acceptsWildcards: true,
        parameterSets: ['ByPath'],
        help: 'The file to write; a wildcard must match exactly one file.',
      }),
      param('LiteralPath', 'string', {
        mandatory: true,
        aliases: ['PSPath', 'LP'],
        parameterSets: ['ByLiteralPath'],
        help: 'The file to write, used exactly as written.',
      }),
      param('Encoding', 'string', {
        position: 1,
        suggestions: ENCODING_NAMES,
        help: 'Text encoding (default utf8NoBOM).',
      }),
      param('Append', 'switch', { help: 'Adds to the end of the file instead of replacing it.' }),
      param('Force', 'switch', { help: 'Overwrites a read-only file where the drive allows.' }),
      param('NoClobber', 'switch', { aliases: ['NoOverwrite'], help: 'Never replaces a file.' }),
      param('Width', 'int', { help: 'Columns per line (default: the host width).' }),
      param('NoNewline', 'switch', { help: 'No line breaks: the texts are joined as they are.' }),
      INPUT_OBJECT,
    ],
    defaultParameterSet: 'ByPath',
    supportsShouldProcess: true,
    examples: [
      { code: 'Get-ChildItem | Out-File list.txt', remarks: 'The listing, as shown, in a file.' },
      {
        code: 'Get-ChildItem > JAFS:\\Jotta\\Archive\\list.txt',
        remarks: 'The same through redirection, straight to Jottacloud.',
      },
      { code: "'one more' | Out-File log.txt -Append", remarks: 'Adds a line.' },
      { code: "'text' | Out-File win.txt -Encoding unicode", remarks: 'UTF-16 with its BOM.' },
    ],
  },
  async (items, ctx) => {
    const encoding = encodingNamed(ctx.params.Encoding);
    const literal = ctx.params.LiteralPath !== undefined;
    const path = String(literal ? ctx.params.LiteralPath : ctx.params.FilePath);
    const width = typeof ctx.params.Width === 'number' ? ctx.params.Width : ctx.host.width;
    if (width < 2) {
      throw new ParameterBindingError(
        `Cannot validate argument on parameter 'Width'. The ${width} argument is less than the ` +
          'minimum allowed range of 2.',
        'ParameterArgumentValidationError',
      );
    }

    if (!(await ctx.shouldProcess(path, 'Output to File'))) return;

    const text = renderForFile(items, width, ctx.session.getVariable('ErrorView'));
    await writeOutputFile(
      ctx.session.engine,
      path,
      ctx.params.NoNewline === true ? text.replace(/\r?\n/g, '') : text,
      {
        append: ctx.params.Append === true,
        literal,
        noClobber: ctx.params.NoClobber === true,
        force: ctx.params.Force === true,
        encoding,
        signal: ctx.signal,
      },
    );
  },
);
