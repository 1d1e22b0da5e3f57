import { useReadiness } from '../../stores/runtime';
import { useT } from '../../stores/ui';
import './network.css';

/** The board at a glance: one pill per department, green when ready. */
export function ReadinessStrip() {
  const t = useT();
  const board = useReadiness();
  if (!board || board.departments.length === 0) return null;
  return (
    <section aria-label={t('ready.board')}>
      <ul className="readiness-list">
        {board.departments.map((d) => (
          <li key={d.id} className="readiness-item" data-ready={d.ready}>
            <span className="readiness-dot" aria-hidden="true" />
            {d.name}: {t(d.ready ? 'ready.ready' : 'ready.notReady')}
          </li>
        ))}
      </ul>
    </section>
  );
}
