import { Box, Text } from 'ink';
import { formatProgress } from '../state/progress-format.js';
import type { ProgressView } from '../state/ui-state.js';

/** Props of ProgressList. */
export interface ProgressListProps {
  progress: readonly ProgressView[];
  color: boolean;
}

/** One line per running operation; the line goes away when the operation clears it. */
export function ProgressList({ progress, color }: ProgressListProps) {
  if (progress.length === 0) return null;

  return (
    <Box flexDirection="column">
      {progress.map((view) => (
        <Text key={view.id} color={color ? 'cyan' : undefined} wrap="truncate-end">
          {formatProgress(view.event, view.updatedAt - view.startedAt)}
        </Text>
      ))}
    </Box>
  );
}
