import { Box, Text } from 'ink';
import { choiceLine, hotKey, plainLabel } from '../session/requests.js';
import type { InputRequest } from '../state/ui-state.js';
import { EditorLine } from './EditorLine.js';

/** A running command's question: Read-Host's prompt or PowerShell's choice prompt. */
export function RequestPrompt({ request, color }: { request: InputRequest; color: boolean }) {
  if (request.kind === 'line') {
    return (
      <EditorLine
        prompt={request.prompt}
        editor={request.editor}
        showCursor
        mask={request.mask ? '*' : undefined}
      />
    );
  }

  return (
    <Box flexDirection="column">
      {request.caption && <Text bold>{request.caption}</Text>}
      {request.message && <Text>{request.message}</Text>}
      {request.showHelp &&
        request.choices.map((choice) => (
          <Text key={choice.label} color={color ? 'cyan' : undefined}>
            {`${hotKey(choice.label)} - ${choice.help || plainLabel(choice.label)}`}
          </Text>
        ))}
      <EditorLine
        prompt={choiceLine(request.choices, request.defaultIndex)}
        editor={request.editor}
        showCursor
      />
    </Box>
  );
}
