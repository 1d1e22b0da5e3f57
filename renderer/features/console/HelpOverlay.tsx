import { Dialog } from '../../components/Dialog';
import { useLanguage, useT } from '../../stores/ui';
import { shortcutHelp } from './commands';
import { toggleHelp, useConsole } from './consoleStore';

export function HelpOverlay() {
  const t = useT();
  const language = useLanguage();
  const open = useConsole((s) => s.helpOpen);
  if (!open) return null;
  return (
    <Dialog label={t('console.help')} onClose={() => toggleHelp(false)} closeOnBackdrop>
      <h2>{t('console.help')}</h2>
      <dl className="shortcut-list">
        {shortcutHelp(language).map((line) => (
          <div key={line.id}>
            <dt><kbd>{line.key}</kbd></dt>
            <dd>{line.does}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => toggleHelp(false)}>{t('common.close')}</button>
    </Dialog>
  );
}
