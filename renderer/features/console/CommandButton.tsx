import type { MessageKey } from '../../../shared/i18n/index';
import { useCountdown } from '../../stores/runtime';
import { useT } from '../../stores/ui';
import { commandById } from './commands';
import { useConsole } from './consoleStore';

/** A button for a registry command: same label, shortcut and enabled rule as the keyboard. */
export function CommandButton({ id, className, label }: { id: string; className?: string; label?: MessageKey }) {
  const t = useT();
  const snapshot = useCountdown();
  useConsole((s) => s.selectedPlanId); // arm's enabled rule reads the selected plan
  const command = commandById(id);
  return (
    <button
      type="button"
      className={className}
      disabled={!command.enabled(snapshot)}
      aria-keyshortcuts={command.keyLabel.replace('Esc', 'Escape')}
      onClick={() => void command.run()}
    >
      {t(label ?? command.label)} <kbd aria-hidden="true">{command.keyLabel}</kbd>
    </button>
  );
}
