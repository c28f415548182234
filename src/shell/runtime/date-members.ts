import { ScriptRuntimeError } from '../errors.js';
import { toDate } from './convert.js';
import { formatValue } from './format-string.js';
import { toNumber, toStr } from './values.js';

/** DateTime properties (Year, DayOfWeek, Date…). */
export function dateMember(date: Date, lower: string): unknown {
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  switch (lower) {
    case 'year':
      return date.getFullYear();
    case 'month':
      return date.getMonth() + 1;
    case 'day':
      return date.getDate();
    case 'hour':
      return date.getHours();
    case 'minute':
      return date.getMinutes();
    case 'second':
      return date.getSeconds();
    case 'millisecond':
      return date.getMilliseconds();
    case 'dayofweek':
      return days[date.getDay()];
    case 'dayofyear':
      return Math.floor(
        (date.getTime() - new Date(date.getFullYear(), 0, 0).getTime()) / 86_400_000,
      );
    case 'date':
      return new Date(date.getFullYear(), date.getMonth(), date.getDate());
    case 'ticks':
      return date.getTime() * 10_000 + 621_355_968_000_000_000;
  }
  return null;
}

/** DateTime methods (AddDays, ToString(format)…). */
export function dateMethod(date: Date, lower: string, args: unknown[], name: string): unknown {
  const n = toNumber(args[0] ?? 0, 'System.Double');
  const add = (ms: number): Date => new Date(date.getTime() + ms);
  switch (lower) {
    case 'adddays':
      return add(n * 86_400_000);
    case 'addhours':
      return add(n * 3_600_000);
    case 'addminutes':
      return add(n * 60_000);
    case 'addseconds':
      return add(n * 1000);
    case 'addmilliseconds':
      return add(n);
    case 'addmonths': {
      const copy = new Date(date);
      copy.setMonth(copy.getMonth() + n);
      return copy;
    }
    case 'addyears': {
      const copy = new Date(date);
      copy.setFullYear(copy.getFullYear() + n);
      return copy;
    }
    case 'toshortdatestring':
      return formatValue(date, 'd');
    case 'tolongdatestring':
      return formatValue(date, 'D');
    case 'toshorttimestring':
      return formatValue(date, 't');
    case 'tostring':
      return formatValue(date, toStr(args[0]));
    case 'subtract':
      return (date.getTime() - toDate(args[0]).getTime()) / 86_400_000;
  }
  throw new ScriptRuntimeError(
    `Method invocation failed because [System.DateTime] does not contain a method named '${name}'.`,
    'MethodNotFound',
  );
}
