import { openStageFromLink } from '../../api/stage';
import { usePlans } from '../../stores/data';
import { useCountdown } from '../../stores/runtime';
import { useLanguage, useT } from '../../stores/ui';
import { nameIn } from '../../../shared/script';
import { StageView } from '../stage/StageView';
import { CommandButton } from './CommandButton';
import { ConfirmDialog } from './ConfirmDialog';
import { HelpOverlay } from './HelpOverlay';
import { MessagePanel } from './MessagePanel';
import { TakePanel } from './TakePanel';
import { TimeOfDay } from './TimeOfDay';
import { TriggerStatusPanel } from '../triggers/TriggerStatusPanel';
import { selectPlanForConsole, setRehearsal, useConsole } from './consoleStore';
import { useCommandKeys } from './useCommandKeys';
import { HoldBanner } from '../network/HoldBanner';
import { ReadinessStrip } from '../network/ReadinessStrip';

export function ConsoleScreen() {
  const t = useT();
  const language = useLanguage();
  const plans = usePlans();
  const snapshot = useCountdown();
  const selected = useConsole((s) => s.selectedPlanId);
  const rehearsal = useConsole((s) => s.rehearsal);
  useCommandKeys();

  const phase = snapshot?.phase ?? 'idle';
  const armedPlan = plans.find((p) => p.id === snapshot?.planId);
  const nextUp = plans.find((p) => p.status !== 'shot' && p.id !== snapshot?.planId);
  const startLabel = phase === 'counting' ? 'console.pause' : phase === 'paused' ? 'console.resume' : 'console.start';

  return (
    <main className="screen console-screen">
      <header className="screen-header">
        <h1>{t('console.title')}</h1>
        <span className={`phase phase--${phase}`} role="status">
          {t(`phase.${phase}`)}
        </span>
        <TimeOfDay label={t('console.timeOfDay')} />
        <a className="button ghost" href="#/stage" target="_blank" rel="noreferrer" onClick={openStageFromLink}>{t('console.openStage')}</a>
        <CommandButton id="help" className="ghost" />
      </header>
      <HoldBanner variant="console" />
      <ReadinessStrip />
      {snapshot?.saveFailure && (
        <p className="save-failure" role="alert">
          <strong>{t('console.takeUnsaved')}</strong> {t('console.takeUnsavedWhy', { reason: snapshot.saveFailure })}
        </p>
      )}
      <div className="console-grid">
        <section className="panel" aria-label={t('console.plan')}>
          <h2>{t('console.plan')}</h2>
          <label>
            {t('console.choosePlan')}
            <select value={selected ?? ''} onChange={(e) => selectPlanForConsole(e.target.value ? Number(e.target.value) : null)}>
              <option value="">—</option>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.callTime ? `${p.callTime} · ` : ''}{p.artist.name} — {p.song}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={rehearsal} onChange={(e) => setRehearsal(e.target.checked)} />
            {t('console.rehearsal')}
          </label>
          <CommandButton id="arm" className="primary" />
          {armedPlan && (
            <p className="armed">
              <strong>{armedPlan.artist.name}</strong> — {armedPlan.song}
              {armedPlan.venue && <> · {nameIn(language, armedPlan.venue)}</>}
            </p>
          )}
          {nextUp && (
            <p className="next-up">
              <span className="label">{t('console.nextUp')}</span> {nextUp.artist.name} — {nextUp.song}
            </p>
          )}
        </section>
        <section className="panel console-main" aria-label={t('console.preview')}>
          <StageView snapshot={snapshot} preview />
          <div className="control-row">
            <CommandButton id="startPause" className="primary big" label={startLabel} />
            <CommandButton id="goNow" className="warning big" />
            <CommandButton id="end" className="big" />
          </div>
          <div className="control-row">
            <CommandButton id="minus60" />
            <CommandButton id="minus10" />
            <CommandButton id="plus10" />
            <CommandButton id="plus60" />
            <CommandButton id="restart" className="ghost" />
            <CommandButton id="reset" className="ghost" />
          </div>
        </section>
        <div className="console-side">
          {snapshot && <TakePanel snapshot={snapshot} />}
          <MessagePanel current={snapshot?.message ?? ''} />
          <TriggerStatusPanel />
        </div>
      </div>
      <ConfirmDialog />
      <HelpOverlay />
    </main>
  );
}
