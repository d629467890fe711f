/**
 * Charts drawn by our own templates: plain SVG, no chart library (smaller, and nothing in it that
 * a screen reader cannot be given in words). Each chart is one `role="img"` with a spoken summary;
 * the figure around it carries the same numbers as a table (see `chartFigure`).
 */
import { css, html, nothing, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';

export const WIDTH = 640;
export const HEIGHT = 240;
const PAD = { top: 14, right: 10, bottom: 30, left: 40 };
const INNER_W = WIDTH - PAD.left - PAD.right;
const INNER_H = HEIGHT - PAD.top - PAD.bottom;

export interface Series {
  name: string;
  /** The CSS class that colours it. */
  className: string;
  values: readonly (number | null)[];
}

/** Where value `v` of a scale from `min` to `max` lies, in SVG units from the top. */
export function yOf(v: number, min: number, max: number): number {
  const span = max - min || 1;
  return PAD.top + INNER_H - ((v - min) / span) * INNER_H;
}

/** The centre of slot `i` of `n` along the x axis. */
export function xOf(i: number, n: number): number {
  return PAD.left + ((i + 0.5) * INNER_W) / Math.max(n, 1);
}

/** A round top for a scale: 0..7 → 8, 0..130 → 150. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * magnitude >= value) ?? 10;
  return step * magnitude;
}

function frame(
  labels: readonly string[],
  ticks: readonly { value: number; label: string }[],
  min: number,
  max: number,
): SVGTemplateResult {
  return svg`<g class="grid">
      ${ticks.map(
        (
          tick,
        ) => svg`<line x1=${PAD.left} x2=${WIDTH - PAD.right} y1=${yOf(tick.value, min, max)} y2=${yOf(tick.value, min, max)}></line>
          <text class="tick" x=${PAD.left - 6} y=${yOf(tick.value, min, max) + 4} text-anchor="end">${tick.label}</text>`,
      )}
    </g>
    <g class="axis">
      ${labels.map(
        (label, i) => svg`<text x=${xOf(i, labels.length)} y=${HEIGHT - 10} text-anchor="middle">${label}</text>`,
      )}
    </g>`;
}

function chart(label: string, content: SVGTemplateResult): TemplateResult {
  return html`<svg
    class="chart"
    viewBox="0 0 ${WIDTH} ${HEIGHT}"
    role="img"
    aria-label=${label}
    preserveAspectRatio="xMidYMid meet"
  >
    ${content}
  </svg>`;
}

/** A line over the months; a month without a value leaves a gap (no made-up number). */
export function lineChart(options: {
  label: string;
  labels: readonly string[];
  values: readonly (number | null)[];
  min: number;
  max: number;
  ticks: readonly { value: number; label: string }[];
}): TemplateResult {
  const { labels, values, min, max } = options;
  const runs: string[][] = [];
  let run: string[] = [];
  values.forEach((value, i) => {
    if (value === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(`${xOf(i, values.length)},${yOf(value, min, max)}`);
  });
  if (run.length) runs.push(run);
  return chart(
    options.label,
    svg`${frame(labels, options.ticks, min, max)}
      ${runs.map((points) => svg`<polyline class="line" points=${points.join(' ')}></polyline>`)}
      ${values.map((value, i) =>
        value === null
          ? nothing
          : svg`<circle class="dot" cx=${xOf(i, values.length)} cy=${yOf(value, min, max)} r="4"></circle>`,
      )}`,
  );
}

/** Bars per month, side by side for each series. */
export function barChart(options: {
  label: string;
  labels: readonly string[];
  series: readonly Series[];
  format: (value: number) => string;
}): TemplateResult {
  const { labels, series } = options;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const ticks = [0, max / 2, max].map((value) => ({ value, label: options.format(value) }));
  const slot = INNER_W / Math.max(labels.length, 1);
  const width = (slot * 0.7) / Math.max(series.length, 1);
  return chart(
    options.label,
    svg`${frame(labels, ticks, 0, max)}
      ${series.map((s, k) =>
        s.values.map((value, i) => {
          const v = value ?? 0;
          const x = PAD.left + i * slot + slot * 0.15 + k * width;
          const y = yOf(v, 0, max);
          return svg`<rect class="bar ${s.className}" x=${x} y=${y} width=${width} height=${Math.max(0, PAD.top + INNER_H - y)}></rect>`;
        }),
      )}`,
  );
}

/** Horizontal bars, one a row (the star distribution). */
export function rowChart(options: { label: string; rows: readonly { name: string; value: number }[] }): TemplateResult {
  const max = Math.max(1, ...options.rows.map((r) => r.value));
  const rowHeight = INNER_H / Math.max(options.rows.length, 1);
  return chart(
    options.label,
    svg`${options.rows.map((row, i) => {
      const y = PAD.top + i * rowHeight;
      const width = ((WIDTH - 140) * row.value) / max;
      return svg`<text class="tick" x="60" y=${y + rowHeight / 2 + 4} text-anchor="end">${row.name}</text>
        <rect class="bar distribution" x="70" y=${y + rowHeight * 0.2} width=${Math.max(width, 1)} height=${rowHeight * 0.6}></rect>
        <text class="value" x=${76 + width} y=${y + rowHeight / 2 + 4}>${row.value}</text>`;
    })}`,
  );
}

export interface FigureOptions {
  id: string;
  title: string;
  chart: TemplateResult;
  legend?: readonly Series[];
  /** The same numbers as the chart: a header row, then one row per label. */
  table: { head: readonly string[]; rows: readonly (readonly string[])[] };
  shown: boolean;
  toggle: () => void;
  showText: string;
  hideText: string;
}

/** A chart with its title, legend, and its table: visually hidden until "Show as table". */
export function chartFigure(options: FigureOptions): TemplateResult {
  const tableId = `${options.id}-table`;
  return html`<figure class="panel figure" aria-labelledby="${options.id}-title" data-chart=${options.id}>
    <figcaption id="${options.id}-title"><h2>${options.title}</h2></figcaption>
    ${options.chart}
    ${
      options.legend
        ? html`<ul class="legend" aria-hidden="true">
            ${options.legend.map((s) => html`<li><span class="swatch ${s.className}"></span>${s.name}</li>`)}
          </ul>`
        : nothing
    }
    <div class="actions">
      <button
        class="button secondary small table-toggle"
        type="button"
        aria-expanded=${options.shown ? 'true' : 'false'}
        aria-controls=${tableId}
        @click=${options.toggle}
      >
        ${options.shown ? options.hideText : options.showText}
      </button>
    </div>
    <div id=${tableId} class=${options.shown ? 'scroll' : 'visually-hidden'} tabindex=${options.shown ? '0' : '-1'}>
      <table>
        <caption class="visually-hidden">
          ${options.title}
        </caption>
        <thead>
          <tr>
            ${options.table.head.map((cell, i) => html`<th scope="col" class=${i ? 'number' : ''}>${cell}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${options.table.rows.map(
            (row) =>
              html`<tr>
                ${row.map((cell, i) => (i ? html`<td class="number">${cell}</td>` : html`<th scope="row">${cell}</th>`))}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </figure>`;
}

export const chartStyles = css`
  .figure {
    margin: 0;
  }

  .chart {
    display: block;
    width: 100%;
    height: auto;
    max-height: 18rem;
    overflow: visible;
  }

  .chart text {
    fill: var(--muted);
    font-size: 12px;
    font-family: inherit;
  }

  .chart .value {
    fill: var(--text);
    font-variant-numeric: tabular-nums;
  }

  .grid line {
    stroke: var(--border);
    stroke-width: 1;
  }

  .line {
    fill: none;
    stroke: var(--link);
    stroke-width: 2.5;
    stroke-linejoin: round;
  }

  .dot {
    fill: var(--link);
  }

  .published,
  .orders {
    fill: var(--star-empty);
    background: var(--star-empty);
  }

  .verified,
  .invited {
    fill: var(--link);
    background: var(--link);
  }

  .distribution {
    fill: var(--star);
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.875rem;
  }

  .swatch {
    display: inline-block;
    width: 0.9rem;
    height: 0.9rem;
    margin-inline-end: 0.35rem;
    vertical-align: -0.1rem;
    border-radius: 2px;
  }

  @media (forced-colors: active) {
    .line {
      stroke: CanvasText;
    }
    .dot,
    .bar {
      fill: CanvasText;
    }
  }
`;
