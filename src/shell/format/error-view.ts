import { ErrorRecord, locate, ParseError, ScriptRuntimeError, ThrownError } from '../errors.js';

/**
 * PowerShell's ConciseView: `Command: message` for a one-line interactive command; for scripts,
 * later lines of multi-line input and parse errors, the `Line |` gutter with the failing text
 * marked by `~`.
 */
export function renderErrorRecord(record: ErrorRecord): string {
  const message = record.Exception.message;
  const reason = reasonOf(record);
  const where = locate(record.source, record.extent);
  const positional =
    record.source !== undefined &&
    record.extent !== undefined &&
    (record.source.file !== undefined ||
      where.line > 1 ||
      record.CategoryInfo.Category === 'ParserError');
  if (!positional) return `${reason}: ${message}\n`;

  const header = record.source?.file
    ? `${reason}: ${record.source.file}:${where.line}`
    : `${reason}:`;
  const lineNumber = String(where.line).padStart(4);
  const extent = record.extent ?? { start: 0, end: 0 };
  const available = Math.max(1, where.text.length - where.column);
  const marks = Math.max(1, Math.min(extent.end - extent.start, available));
  const lines = [
    header,
    'Line |',
    `${lineNumber} |  ${where.text}`,
    `     |  ${' '.repeat(where.column)}${'~'.repeat(marks)}`,
    ...message.split('\n').map((line) => `     | ${line}`),
  ];
  return `${lines.join('\n')}\n`;
}

function reasonOf(record: ErrorRecord): string {
  if (record.CategoryInfo.Category === 'ParserError' || record.Exception instanceof ParseError)
    return 'ParserError';
  if (record.commandName) return record.commandName;
  if (record.Exception instanceof ThrownError) return 'Exception';
  if (
    record.Exception instanceof ScriptRuntimeError &&
    record.Exception.errorId.endsWith('Exception')
  ) {
    return record.Exception.errorId;
  }
  if (record.Exception instanceof ScriptRuntimeError) {
    return record.CategoryInfo.Category === 'NotSpecified'
      ? 'RuntimeException'
      : record.CategoryInfo.Category;
  }
  const category = record.CategoryInfo.Category;
  return category === 'NotSpecified' ? record.Exception.name : category;
}

function exceptionTypeName(record: ErrorRecord): string {
  const exception = record.Exception as Error & { innerType?: string };
  if (exception instanceof ThrownError) return 'RuntimeException';
  if (exception instanceof ScriptRuntimeError) return exception.innerType ?? 'RuntimeException';
  return exception.name.replace(/Error$/, 'Exception');
}

function categoryLine(record: ErrorRecord): string {
  const target = record.TargetObject;
  const targetText =
    target === undefined || target === null
      ? ''
      : `${String(target)}:${typeof target === 'string' ? 'String' : 'Object'}`;
  const command = record.commandName ? ` [${record.commandName}]` : ' []';
  return `${record.CategoryInfo.Category}: (${targetText})${command}, ${exceptionTypeName(record)}`;
}

/** `$ErrorView = 'CategoryView'`: one line of category, target, command and exception type. */
export function renderCategoryView(record: ErrorRecord): string {
  return `${categoryLine(record)}\n`;
}

/** `$ErrorView = 'NormalView'`: Windows PowerShell's layout with `At line:N char:M`. */
export function renderNormalView(record: ErrorRecord): string {
  const where = locate(record.source, record.extent);
  const prefix = record.commandName ? `${record.commandName} : ` : '';
  const lines = [`${prefix}${record.Exception.message}`];
  if (record.source && record.extent) {
    const at = record.source.file ? `${record.source.file}:${where.line}` : `line:${where.line}`;
    const marks = Math.max(
      1,
      Math.min(record.extent.end - record.extent.start, where.text.length - where.column),
    );
    lines.push(
      `At ${at} char:${where.column + 1}`,
      `+ ${where.text}`,
      `+ ${' '.repeat(where.column)}${'~'.repeat(marks)}`,
    );
  }
  lines.push(`    + CategoryInfo          : ${categoryLine(record)}`);
  lines.push(`    + FullyQualifiedErrorId : ${record.FullyQualifiedErrorId}`);
  return `${lines.join('\n')}\n \n`;
}

/** The view `$ErrorView` names (ConciseView when unset or unknown). */
export function renderError(record: ErrorRecord, view: unknown): string {
  const name = String(view ?? '').toLowerCase();
  if (name === 'normalview') return renderNormalView(record);
  if (name === 'categoryview') return renderCategoryView(record);
  return renderErrorRecord(record);
}
