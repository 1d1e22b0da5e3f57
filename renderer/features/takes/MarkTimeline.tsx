import type { Mark } from '../../../shared/schemas';
import { useT } from '../../stores/ui';
import { formatLength } from './format';

const WIDTH = 1000;
const HEIGHT = 64;
const PAD = 24;
const AXIS_Y = 40;

/** The take from GO to its end as a line, each mark a numbered pin at its time (hover shows the note). */
export function MarkTimeline({ marks, lengthMs }: { marks: Mark[]; lengthMs: number | null }) {
  const t = useT();
  // An open take has no end yet: the line runs a little past the last mark.
  const span = Math.max(1_000, lengthMs ?? Math.max(60_000, ...marks.map((m) => m.atMs * 1.1)));
  const x = (ms: number) => PAD + (Math.min(ms, span) / span) * (WIDTH - 2 * PAD);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * span);
  return (
    <svg className="mark-timeline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('detail.timeline')}>
      <line className="timeline-axis" x1={PAD} x2={WIDTH - PAD} y1={AXIS_Y} y2={AXIS_Y} />
      {ticks.map((ms) => (
        <g key={ms}>
          <line className="timeline-tick" x1={x(ms)} x2={x(ms)} y1={AXIS_Y - 4} y2={AXIS_Y + 4} />
          <text className="timeline-label" x={x(ms)} y={HEIGHT - 4} textAnchor="middle">{formatLength(ms)}</text>
        </g>
      ))}
      {marks.map((m, i) => (
        <g key={m.id} className="timeline-mark" data-testid="timeline-mark">
          <title>{`${i + 1}. ${formatLength(m.atMs)} ${m.note}`}</title>
          <line x1={x(m.atMs)} x2={x(m.atMs)} y1={16} y2={AXIS_Y} />
          <circle cx={x(m.atMs)} cy={12} r={10} />
          <text x={x(m.atMs)} y={16} textAnchor="middle">{i + 1}</text>
        </g>
      ))}
    </svg>
  );
}
