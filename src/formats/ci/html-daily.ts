import { escapeHtml as esc } from '../report/html-charts.js';
import type { SystemResult } from '../../ci/result.js';

/** The daily history chart of the readiness HTML page: pure SVG string builders. */

const CLASSES = ['pass', 'test', 'infra', 'unknown', 'novote'] as const;
const MEANING: Record<(typeof CLASSES)[number], string> = {
  pass: 'pass (+1)',
  test: 'test failure (-1)',
  infra: 'infra failure (0)',
  unknown: 'unknown result (0)',
  novote: 'no vote (merge conflict, config error)',
};
const DAY = 16;
const HEIGHT = 90;

/** One stacked bar per window day: the day's reports by class, scaled to the busiest day. */
export function dailyChartSvg(system: Pick<SystemResult, 'name' | 'daily'>): string {
  const days = system.daily;
  const max = Math.max(1, ...days.map((d) => CLASSES.reduce((sum, cls) => sum + d[cls], 0)));
  const width = Math.max(1, days.length) * DAY + 40;
  const height = HEIGHT + 30;
  const parts: string[] = [
    `<text class="date" x="2" y="12">${max}</text>`,
    `<line class="grid" x1="30" y1="8" x2="${width}" y2="8"/>`,
    `<line class="tick" x1="30" y1="${HEIGHT + 8}" x2="${width}" y2="${HEIGHT + 8}"/>`,
  ];
  days.forEach((day, index) => {
    const x = 30 + index * DAY;
    let y = HEIGHT + 8;
    const total = CLASSES.reduce((sum, cls) => sum + day[cls], 0);
    for (const cls of CLASSES) {
      const n = day[cls];
      if (n === 0) continue;
      const h = (n / max) * HEIGHT;
      y -= h;
      parts.push(`<rect class="cls-${cls}" x="${x}" y="${round(y)}" width="${DAY - 3}" height="${round(h)}"><title>${esc(`${day.day}: ${n} ${MEANING[cls]}`)}</title></rect>`);
    }
    if (total === 0) parts.push(`<rect class="day-quiet" x="${x}" y="${HEIGHT + 6}" width="${DAY - 3}" height="2"><title>${esc(`${day.day}: no report`)}</title></rect>`);
    if (index % 7 === 0 || index === days.length - 1) {
      parts.push(`<text class="date" x="${x}" y="${HEIGHT + 24}">${esc(day.day.slice(5))}</text>`);
    }
  });
  return (
    `<svg class="daily" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(`${system.name}: reports per day by class`)}" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`
  );
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The legend of the class colours, as HTML. */
export const DAILY_LEGEND = CLASSES.map(
  (cls) => `<span class="legend"><svg width="12" height="12" aria-hidden="true"><rect class="cls-${cls}" width="12" height="12" rx="2"/></svg> ${esc(MEANING[cls])}</span>`,
).join(' ');
