import { Box, Static, Text, useStdin, useStdout } from 'ink';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { InteractiveSession } from '../session/session.js';
import { searchLabel } from '../state/reverse-search.js';
import { CompletionMenu } from './CompletionMenu.js';
import { EditorLine } from './EditorLine.js';
import { OutputLine } from './OutputLine.js';
import { ProgressList } from './ProgressList.js';
import { RequestPrompt } from './RequestPrompt.js';

/** Props of App. */
export interface AppProps {
  session: InteractiveSession;
  /** Colour the output kinds and the menu (off under NO_COLOR). */
  color: boolean;
}

const CLEAR_SCREEN = '\u001B[2J\u001B[3J\u001B[H';

/** Owns stdin: every raw input event goes to the session's key router. */
function useSessionInput(session: InteractiveSession): void {
  const { internal_eventEmitter: events, setRawMode, isRawModeSupported } = useStdin();

  useEffect(() => {
    if (isRawModeSupported) setRawMode(true);
    events.on('input', session.input);
    return () => {
      events.off('input', session.input);
      if (isRawModeSupported) setRawMode(false);
    };
  }, [events, session, setRawMode, isRawModeSupported]);
}

/** Ctrl+L: clear the terminal through Ink, so its idea of the live area stays right. */
function useClearScreen(screen: number): void {
  const { write } = useStdout();
  const shown = useRef(screen);

  useEffect(() => {
    if (shown.current === screen) return;
    shown.current = screen;
    write(CLEAR_SCREEN);
  }, [screen, write]);
}

/** The interactive shell: finished output via `<Static>`, then the live prompt area. */
export function App({ session, color }: AppProps) {
  const state = useSyncExternalStore(session.subscribe, session.getState);
  useSessionInput(session);
  useClearScreen(state.screen);

  const { completion, search, request } = state;
  const atPrompt = !state.running && state.exitCode === undefined;

  return (
    <>
      <Static key={state.segment} items={[...state.transcript]}>
        {(entry) => <OutputLine key={entry.id} entry={entry} color={color} />}
      </Static>
      <Box flexDirection="column">
        <ProgressList progress={state.progress} color={color} />
        {request && <RequestPrompt request={request} color={color} />}
        {atPrompt && (
          <EditorLine prompt={state.prompt} editor={state.editor} showCursor color={color} />
        )}
        {atPrompt && completion.kind === 'loading' && <Text dimColor>{'  completing…'}</Text>}
        {atPrompt && search && (
          <Text>
            {searchLabel(search) + search.query}
            <Text inverse> </Text>
          </Text>
        )}
        {atPrompt && completion.kind === 'active' && completion.menu && (
          <CompletionMenu
            matches={completion.completion.matches}
            index={completion.index}
            scrollTop={completion.scrollTop}
            color={color}
          />
        )}
      </Box>
    </>
  );
}
