/** `Name : Value` lines of one object, names padded to the longest; continuation lines indented. */
export function renderList(entries: readonly { name: string; value: string }[]): string[] {
  const width = Math.max(0, ...entries.map((e) => e.name.length));
  const lines: string[] = [];
  for (const { name, value } of entries) {
    const [first, ...rest] = value.split('\n');
    lines.push(`${name.padEnd(width)} : ${first}`.trimEnd());
    for (const more of rest) lines.push(`${' '.repeat(width + 3)}${more}`.trimEnd());
  }
  return lines;
}
