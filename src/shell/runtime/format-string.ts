import { ScriptRuntimeError } from '../errors.js';
import { formatDate, formatNumber, shortDate, shortTime, toNumber, toStr } from './values.js';

/**
 * .NET composite formatting for `-f` and ToString(format): `{0}`, `{0,8}`, `{0,-8}`, `{0:N2}`,
 * `{0:D3}`, `{0:X}`, `{0:F1}`, `{0:P0}`, `{0:C}`, custom `0.00`/`#,##0` and date patterns.
 */
export function formatComposite(format: string, args: unknown[]): string {
  let out = '';
  for (let i = 0; i < format.length; i += 1) {
    const c = format[i];
    if (c === '{' && format[i + 1] === '{') {
      out += '{';
      i += 1;
    } else if (c === '}' && format[i + 1] === '}') {
      out += '}';
      i += 1;
    } else if (c === '{') {
      const close = format.indexOf('}', i);
      const match = /^(\d+)\s*(?:,\s*(-?\d+))?\s*(?::(.*))?$/s.exec(format.slice(i + 1, close));
      if (close < 0 || !match) {
        throw new ScriptRuntimeError(
          `Error formatting a string: Input string was not in a correct format..`,
          'FormatError',
        );
      }
      const index = Number(match[1]);
      if (index >= args.length) {
        throw new ScriptRuntimeError(
          'Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list..',
          'FormatError',
        );
      }
      let text = formatValue(args[index], match[3]);
      const width = match[2] ? Number(match[2]) : 0;
      text = width < 0 ? text.padEnd(-width) : text.padStart(width);
      out += text;
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}

/** One value with an optional .NET format string. */
export function formatValue(value: unknown, spec?: string): string {
  if (!spec) return toStr(value);
  if (value instanceof Date) return formatDateCustom(value, spec);
  if (typeof value !== 'number' && !(typeof value === 'string' && /^\s*-?[\d.]+\s*$/.test(value))) {
    return toStr(value);
  }
  const n = toNumber(value);
  const standard = /^([a-z])(\d*)$/i.exec(spec);
  if (standard) return formatStandard(n, standard[1], standard[2]);
  return formatCustomNumber(n, spec);
}

function formatStandard(n: number, kind: string, digitsText: string): string {
  const digits = digitsText === '' ? undefined : Number(digitsText);
  switch (kind.toLowerCase()) {
    case 'n':
      return groupThousands(roundAway(n, digits ?? 2).toFixed(digits ?? 2));
    case 'f':
      return roundAway(n, digits ?? 2).toFixed(digits ?? 2);
    case 'd': {
      const text = Math.abs(Math.trunc(n))
        .toString()
        .padStart(digits ?? 0, '0');
      return n < 0 ? `-${text}` : text;
    }
    case 'x': {
      const text = Math.trunc(n)
        .toString(16)
        .padStart(digits ?? 0, '0');
      return kind === 'X' ? text.toUpperCase() : text;
    }
    case 'p':
      return `${groupThousands(roundAway(n * 100, digits ?? 2).toFixed(digits ?? 2))}%`;
    case 'c':
      return `${n < 0 ? '-' : ''}$${groupThousands(Math.abs(n).toFixed(digits ?? 2))}`;
    case 'e':
      return n
        .toExponential(digits ?? 6)
        .replace(/e([+-])(\d+)$/, (_, s: string, d: string) => `E${s}${d.padStart(3, '0')}`);
    case 'g':
    case 'r':
      return formatNumber(n);
    default:
      return formatCustomNumber(n, kind + digitsText);
  }
}

/** .NET rounds half away from zero in formatting; toFixed works on binary values. */
function roundAway(n: number, digits: number): number {
  const factor = 10 ** digits;
  return (Math.sign(n) * Math.round(Math.abs(n) * factor + 1e-9)) / factor;
}

function groupThousands(text: string): string {
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function formatCustomNumber(n: number, spec: string): string {
  const [integerPart, fractionPart = ''] = spec.split('.');
  const decimals = fractionPart.replace(/[^0#]/g, '');
  const required = (decimals.match(/0/g) ?? []).length;
  let text = roundAway(n, decimals.length).toFixed(decimals.length);
  if (decimals.length > required) {
    const [w, f] = text.split('.');
    const trimmed = f.replace(/0+$/, '').padEnd(required, '0');
    text = trimmed ? `${w}.${trimmed}` : w;
  }
  const minInteger = (integerPart.match(/0/g) ?? []).length;
  const [w, f] = text.split('.');
  const negative = w.startsWith('-');
  let whole = w.replace('-', '').padStart(minInteger, '0');
  if (minInteger === 0 && whole === '0') whole = '';
  if (integerPart.includes(',')) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const suffix = spec.replace(/[0#.,]/g, '');
  return `${negative ? '-' : ''}${whole}${f !== undefined ? `.${f}` : ''}${suffix}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Date format strings: standard (`d`, `D`, `t`, `T`, `g`, `G`, `s`, `o`) and custom patterns. */
export function formatDateCustom(date: Date, spec: string): string {
  const standard: Record<string, () => string> = {
    d: () => shortDate(date),
    D: () =>
      `${DAYS[date.getDay()]}, ${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}`,
    t: () => shortTime(date),
    T: () => formatDate(date).split(' ').slice(1).join(' '),
    g: () => `${shortDate(date)} ${shortTime(date)}`,
    G: () => formatDate(date),
    s: () => formatDateCustom(date, 'yyyy-MM-ddTHH:mm:ss'),
    o: () => date.toISOString().replace('Z', '0000Z'),
    f: () => `${standard.D()} ${shortTime(date)}`,
    F: () => `${standard.D()} ${standard.T()}`,
  };
  if (spec.length === 1 && standard[spec]) return standard[spec]();

  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  const tokens: Record<string, () => string> = {
    yyyy: () => String(date.getFullYear()),
    yy: () => pad(date.getFullYear() % 100, 2),
    MMMM: () => MONTHS[date.getMonth()],
    MMM: () => MONTHS[date.getMonth()].slice(0, 3),
    MM: () => pad(date.getMonth() + 1, 2),
    M: () => String(date.getMonth() + 1),
    dddd: () => DAYS[date.getDay()],
    ddd: () => DAYS[date.getDay()].slice(0, 3),
    dd: () => pad(date.getDate(), 2),
    d: () => String(date.getDate()),
    HH: () => pad(date.getHours(), 2),
    H: () => String(date.getHours()),
    hh: () => pad(date.getHours() % 12 || 12, 2),
    h: () => String(date.getHours() % 12 || 12),
    mm: () => pad(date.getMinutes(), 2),
    m: () => String(date.getMinutes()),
    ss: () => pad(date.getSeconds(), 2),
    s: () => String(date.getSeconds()),
    fff: () => pad(date.getMilliseconds(), 3),
    tt: () => (date.getHours() < 12 ? 'AM' : 'PM'),
  };
  const pattern = /yyyy|yy|MMMM|MMM|MM|M|dddd|ddd|dd|d|HH|H|hh|h|mm|m|ss|s|fff|tt|'[^']*'|\\.|./g;
  return spec.replace(pattern, (token) => {
    if (tokens[token]) return tokens[token]();
    if (token.startsWith("'")) return token.slice(1, -1);
    if (token.startsWith('\\')) return token.slice(1);
    return token;
  });
}
