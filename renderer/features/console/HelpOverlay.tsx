import { useT } from '../../stores/ui';
import { COMMANDS } from './commands';
import { toggleHelp, useConsole } from './consoleStore';

export function HelpOverlay() {
  const t = useT();
  const open = useConsole((s) => s.helpOpen);
  if (!open) return null;
  return (
    <div className="overlay" onClick={() => toggleHelp(false)}>
      <div role="dialog" aria-modal="true" aria-label={t('console.help')} className="dialog" onClick={(e) => e.stopPropagation()}>
        <h2>{t('console.help')}</h2>
        <dl className="shortcut-list">
          {COMMANDS.map((c) => (
            <div key={c.id}>
              <dt><kbd>{c.keyLabel}</kbd></dt>
              <dd>{c.id === 'startPause' ? `${t('console.start')} / ${t('console.pause')}` : t(c.label)}</dd>
            </div>
          ))}
          <div>
            <dt><kbd>M</kbd></dt>
            <dd>{t('console.mark')}</dd>
          </div>
        </dl>
        <button type="button" onClick={() => toggleHelp(false)}>{t('common.close')}</button>
      </div>
    </div>
  );
}
