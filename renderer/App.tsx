import { useEffect } from 'react';
import { LANGUAGES, translate } from '../shared/i18n/index';
import type { Route } from './router';
import { useRoute } from './router';
import { api } from './api/client';
import { attempt, refreshData, startData, useData } from './stores/data';
import { startRuntime } from './stores/runtime';
import { startLiveResults } from './features/triggers/liveResults';
import { dismissToast, setLanguage, toastText, useLanguage, useT, useUi } from './stores/ui';
import { PlansScreen } from './features/plans/PlansScreen';
import { ConsoleScreen } from './features/console/ConsoleScreen';
import { StageScreen } from './features/stage/StageScreen';
import { TakesScreen } from './features/takes/TakesScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { NetworkScreen } from './features/network/NetworkScreen';
import { ReadOnlyBanner } from './features/settings/ReadOnlyBanner';
import { LinkReplacedScreen, useOperatorLinkReplaced } from './features/network/LinkReplacedScreen';

const SCREENS: Record<Route, () => React.JSX.Element> = {
  plans: PlansScreen,
  console: ConsoleScreen,
  network: NetworkScreen,
  stage: StageScreen,
  takes: TakesScreen,
  settings: SettingsScreen,
};

function Nav({ route }: { route: Route }) {
  const t = useT();
  const language = useLanguage();
  return (
    <nav className="top-nav" aria-label={t('nav.label')}>
      <span className="brand">{t('app.name')}</span>
      {(['plans', 'console', 'network', 'stage', 'takes', 'settings'] as const).map((r) => (
        <a key={r} href={`#/${r}`} aria-current={r === route ? 'page' : undefined}>
          {t(`nav.${r}`)}
        </a>
      ))}
      <label className="lang">
        <span className="visually-hidden">{t('lang.label')}</span>
        <select aria-label={t('lang.label')} value={language} onChange={(e) => setLanguage(e.target.value as 'en' | 'ko')}>
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code}>{l.label}</option>
          ))}
        </select>
      </label>
    </nav>
  );
}

function Banners() {
  const t = useT();
  const { loaded, empty, canControl } = useData();
  if (!loaded) return <><ReadOnlyBanner /></>; // loads on its own (a damaged store may fail the first reads); same slot, kept mounted
  return (
    <>
      <ReadOnlyBanner />
      {!canControl && <p className="banner">{t('viewOnly')}</p>}
      {canControl && empty && (
        <p className="banner">
          {t('demo.offer')}{' '}
          <button type="button" className="primary" onClick={() => void attempt(() => api.loadDemo(undefined)).then(() => refreshData())}>
            {t('demo.load')}
          </button>
        </p>
      )}
    </>
  );
}

function Toasts() {
  const toasts = useUi((s) => s.toasts);
  const language = useLanguage();
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} onClick={() => dismissToast(toast.id)}>
          {toastText(toast, language)}
        </div>
      ))}
    </div>
  );
}

export function App() {
  const route = useRoute();
  const language = useLanguage();
  useEffect(() => {
    const stops = [startRuntime(), startLiveResults((r) => translate(useUi.getState().language, 'triggers.failedToast', { name: r.name, detail: r.detail }))];
    return () => stops.forEach((stop) => stop());
  }, []);
  const onStage = route === 'stage';
  useEffect(() => startData(onStage ? 'plans' : 'everything'), [onStage]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const replaced = useOperatorLinkReplaced();
  const Screen = SCREENS[route];
  if (route === 'stage') return <StageScreen />;
  if (replaced) return <LinkReplacedScreen />;
  return (
    <div className="app">
      <Nav route={route} />
      <Banners />
      <Screen />
      <Toasts />
    </div>
  );
}
