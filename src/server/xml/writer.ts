/**
 * A tiny XML writer that prints JFS documents the way the service does: UTF-8 prolog, two-space
 * indentation, attributes in the given order, `<x></x>` for an empty value and `<x/>` for an
 * element that has neither text nor children (like `metadata`).
 */

/** One element. `text: ''` prints `<x></x>`; no text and no children prints `<x/>`. */
export interface XmlElement {
  name: string;
  attrs?: Record<string, string | number | undefined>;
  text?: string;
  children?: (XmlElement | undefined)[];
}

/** Shorthand for an element holding text (numbers and booleans are printed as JFS does). */
export function leaf(
  name: string,
  value: string | number | boolean | null | undefined,
): XmlElement {
  return { name, text: value === null || value === undefined ? '' : String(value) };
}

/** A text element carrying `xml:space="preserve"`, as names and paths are sent. */
export function preserved(name: string, value: string): XmlElement {
  return { name, attrs: { 'xml:space': 'preserve' }, text: value };
}

/** The whole document with its prolog; `pretty: false` writes it on one line (liststream). */
export function renderDocument(root: XmlElement, pretty = true): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', pretty ? '\n' : ''];
  writeElement(root, pretty ? 0 : -1, parts);
  return parts.join('');
}

/** Writes one element (and its subtree) into `out`; depth -1 means compact output. */
export function writeElement(element: XmlElement, depth: number, out: string[]): void {
  const indent = depth < 0 ? '' : '  '.repeat(depth);
  const newline = depth < 0 ? '' : '\n';
  out.push(indent, '<', element.name, attributes(element.attrs));

  const children = (element.children ?? []).filter((c): c is XmlElement => c !== undefined);
  if (children.length > 0) {
    out.push('>', newline);
    for (const child of children) writeElement(child, depth < 0 ? -1 : depth + 1, out);
    out.push(indent, '</', element.name, '>', newline);
  } else if (element.text !== undefined) {
    out.push('>', escapeText(element.text), '</', element.name, '>', newline);
  } else {
    out.push('/>', newline);
  }
}

function attributes(attrs: XmlElement['attrs']): string {
  if (!attrs) return '';
  let text = '';
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined) text += ` ${key}="${escapeAttribute(String(value))}"`;
  }
  return text;
}

/** Escapes element text; characters XML 1.0 cannot carry at all are dropped. */
export function escapeText(text: string): string {
  // Most texts (numbers, hashes, times, plain names) need nothing: one test instead of four.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return stripInvalid(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  if (!NEEDS_ESCAPE.test(text) && !/["\t\n\r]/.test(text)) return text;
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function stripInvalid(text: string): string {
  return text.replace(INVALID_XML, '');
}
