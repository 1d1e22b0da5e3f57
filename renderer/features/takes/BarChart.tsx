import { useId } from 'react';

export interface Bar {
  label: string;
  /** 0..1 of the bar's full width. */
  share: number;
  /** What the bar means, written out: the chart's text alternative and its visible value. */
  value: string;
  tone?: string;
}

const WIDTH = 320;
const LABEL_WIDTH = 112;
const VALUE_WIDTH = 78;
const ROW = 18;

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A small horizontal bar chart in SVG, with the same figures as a table for screen readers. */
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
            <text className="chart-label" x={LABEL_WIDTH - 6} y={ROW * 0.68} textAnchor="end">{clip(bar.label, 16)}</text>
            <rect className="chart-track" x={LABEL_WIDTH} y={3} width={barSpace} height={ROW - 6} rx={2} />
            <rect className={`chart-bar ${bar.tone ?? ''}`} x={LABEL_WIDTH} y={3} width={Math.max(0, Math.min(1, bar.share)) * barSpace} height={ROW - 6} rx={2} />
            <text className="chart-value" x={WIDTH - VALUE_WIDTH + 6} y={ROW * 0.68}>{bar.value}</text>
          </g>
        ))}
      </svg>
      <table className="visually-hidden" id={`${id}-data`}>
        <caption>{title}</caption>
        <tbody>
          {bars.map((bar, i) => (
            <tr key={`${bar.label}-${i}`}>
              <th scope="row">{bar.label}</th>
              <td>{bar.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {note && <p className="chart-note">{note}</p>}
    </figure>
  );
}
