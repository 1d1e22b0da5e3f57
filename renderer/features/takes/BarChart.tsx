import { useId } from 'react';

export interface Bar {
  label: string;
  /** 0..1 of the bar's full width. */
  share: number;
  /** What the bar means, written out: the chart's text alternative and its visible value. */
  value: string;
  tone?: string;
}

const WIDTH = 300;
const LABEL_WIDTH = 104;
const VALUE_WIDTH = 74;
const ROW = 18;

/** Shortens a label to fit `ems` of width: Hangul and other wide characters count as one em, the rest as about half. */
function clip(label: string, ems: number): string {
  let width = 0;
  const chars = [...label];
  for (let i = 0; i < chars.length; i++) {
    width += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(chars[i]!) ? 1 : 0.56;
    if (width > ems) return `${chars.slice(0, i).join('')}…`;
  }
  return label;
}

/** A small horizontal bar chart in SVG, with the same figures as a list for screen readers. */
export function BarChart({ title, bars, note }: { title: string; bars: Bar[]; note?: string }) {
  const id = useId();
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  return (
    <figure className="chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${Math.max(1, bars.length) * ROW}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-data`}>
        {bars.map((bar, i) => (
          <g key={`${bar.label}-${i}`} transform={`translate(0 ${i * ROW})`}>
            <title>{`${bar.label}: ${bar.value}`}</title>
            <text className="chart-label" x={LABEL_WIDTH - 6} y={ROW * 0.68} textAnchor="end">{clip(bar.label, (LABEL_WIDTH - 10) / 11 - 1)}</text>
            <rect className="chart-track" x={LABEL_WIDTH} y={3} width={barSpace} height={ROW - 6} rx={2} />
            <rect className={`chart-bar ${bar.tone ?? ''}`} x={LABEL_WIDTH} y={3} width={Math.max(0, Math.min(1, bar.share)) * barSpace} height={ROW - 6} rx={2} />
            <text className="chart-value" x={WIDTH - VALUE_WIDTH + 6} y={ROW * 0.68}>{bar.value}</text>
          </g>
        ))}
      </svg>
      {/* The figures in words for screen readers: a list, so the page's only table rows stay the takes'. */}
      <ul className="visually-hidden" id={`${id}-data`}>
        {bars.map((bar, i) => (
          <li key={`${bar.label}-${i}`}>{`${bar.label}: ${bar.value}`}</li>
        ))}
      </ul>
      {note && <p className="chart-note">{note}</p>}
    </figure>
  );
}
