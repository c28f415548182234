import { Box, Text } from 'ink';
import type { CompletionMatch } from '../../shell/api.js';
import { MENU_ROWS } from '../state/completion.js';

/** Props of CompletionMenu: the active completion's matches and position. */
export interface CompletionMenuProps {
  matches: readonly CompletionMatch[];
  index: number;
  scrollTop: number;
  color: boolean;
}

/** The menu of matches: a window of MENU_ROWS rows, the highlighted one marked with `>`. */
export function CompletionMenu({ matches, index, scrollTop, color }: CompletionMenuProps) {
  const shown = matches.slice(scrollTop, scrollTop + MENU_ROWS);
  const labelWidth = Math.max(...shown.map((match) => match.label.length));
  const above = scrollTop;
  const below = matches.length - scrollTop - shown.length;

  return (
    <Box flexDirection="column">
      {above > 0 && <Text dimColor>{`  ▲ ${above} more`}</Text>}
      {shown.map((match, row) => {
        const selected = scrollTop + row === index;
        const line = `${selected ? '> ' : '  '}${match.label.padEnd(labelWidth)}  `;
        return (
          <Text key={scrollTop + row} wrap="truncate-end">
            <Text inverse={selected} color={color && !selected ? 'cyan' : undefined}>
              {line}
            </Text>
            <Text dimColor>{match.kind}</Text>
            {match.detail ? <Text dimColor>{`  ${match.detail}`}</Text> : null}
          </Text>
        );
      })}
      {below > 0 && <Text dimColor>{`  ▼ ${below} more`}</Text>}
      <Text dimColor>{`  (${index + 1}/${matches.length})`}</Text>
    </Box>
  );
}
