import { useEffect } from 'react';
import { useRuntime } from '../../stores/runtime';
import { COMMANDS } from './commands';
import { useConsole } from './consoleStore';

/** Routes key presses to the command registry, except while the operator is typing or confirming. */
export function useCommandKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (useConsole.getState().confirming) return;
      const command = COMMANDS.find((c) => c.matches(e));
      if (!command || !command.enabled(useRuntime.getState().countdown)) return;
      e.preventDefault();
      void command.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
