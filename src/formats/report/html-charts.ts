import type { CiSystemReport, FeatureReport, ReportModel } from '../../report/model.js';
import { deadlineCell, STATE_TEXT } from './cells.js';

/** What each strip character means (the same legend as `lifecycle ci-readiness`). */
const STRIP_MEANINGS: Record<string, string> = {
  '+': 'reported, no failures',
  f: 'test failure reported (-1)',
  i: 'infra/unknown failure reported (0)',
  s: 'silent while upstream was active',
  '.': 'quiet: no upstream activity, no report',
  '!': 'a criterion broken that day (second row)',
};

/** Inline SVG charts of the HTML report: pure string builders, no scripts, no external references. */

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STATE_CLASS = { ok: 'state-ok', 'due-next': 'state-due', overdue: 'state-overdue', unknown: 'state-unknown' } as const;

const LABEL_WIDTH = 150;
const COLUMN = 92;
const ROW = 26;
const HEAD = 44;

/**
 * Features across the release train: one row per feature, a bar from its introduction (or last
 * renewal) to its deadline, coloured by state; renewals as diamonds (hollow when they do not
 * count); the release under review as a shaded column. Deadlines past the end of the train get
 * extra columns (+1, +2…).
 */
export function timelineSvg(model: ReportModel, features: readonly FeatureReport[]): string {
  const names = model.release.train.map((release) => release.name);
  const extra = Math.max(0, ...features.map((feature) => feature.deadline.afterTrain));
  const columns = names.length + extra;
  const reviewIndex = names.indexOf(model.release.name);
  // A long train (a release per minor) opens on the release under review: the columns before
  // `first` are left out, and bars that start there begin at the left edge.
  const first = firstColumn(model, features, names, reviewIndex);
  const width = LABEL_WIDTH + Math.max(1, columns - first) * COLUMN + 10;
  const height = HEAD + Math.max(1, features.length) * ROW + 10;
  const center = (index: number) => LABEL_WIDTH + (Math.max(index, first) - first) * COLUMN + COLUMN / 2;
  const parts: string[] = [];
  if (reviewIndex >= 0) {
    parts.push(`<rect class="review" x="${LABEL_WIDTH + (reviewIndex - first) * COLUMN}" y="0" width="${COLUMN}" height="${height}"><title>release under review: ${escapeHtml(model.release.name)}</title></rect>`);
  }
  if (first > 0) parts.push(`<text class="date" x="6" y="16">${first} earlier release${first === 1 ? '' : 's'} ←</text>`);
  for (let index = first; index < columns; index++) {
    const release = model.release.train[index];
    const x = center(index);
    const name = release ? release.name : `+${index - names.length + 1}`;
    parts.push(`<line class="grid" x1="${x}" y1="${HEAD - 6}" x2="${x}" y2="${height - 4}"/>`);
    parts.push(`<text class="release${release ? '' : ' beyond'}" x="${x}" y="16" text-anchor="middle">${escapeHtml(name)}</text>`);
    if (release?.date) parts.push(`<text class="date" x="${x}" y="31" text-anchor="middle">${escapeHtml(release.date)}</text>`);
  }
  features.forEach((feature, row) => {
    const y = HEAD + row * ROW + ROW / 2;
    parts.push(`<text class="feature" x="6" y="${y + 4}">${escapeHtml(feature.id)}</text>`);
    parts.push(...featureMarks(feature, model, names, center, y));
  });
  if (features.length === 0) parts.push(`<text class="date" x="6" y="${HEAD + 16}">no features</text>`);
  return (
    `<svg class="timeline" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Features across the release train" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`
  );
}

/** Columns shown at most before the release under review on a long train. */
const COLUMNS_BEFORE_REVIEW = 6;

/** The first column of the timeline: 0, or on a long train the earliest bar start near the release under review. */
function firstColumn(model: ReportModel, features: readonly FeatureReport[], names: readonly string[], reviewIndex: number): number {
  if (names.length <= 12 || reviewIndex < 0) return 0;
  const starts = features.filter((feature) => feature.status === 'preview').map((feature) => names.indexOf(feature.deadline.since ?? feature.introduced ?? ''));
  const earliest = Math.min(reviewIndex, ...starts.filter((index) => index >= 0));
  return Math.max(0, Math.max(earliest, reviewIndex - COLUMNS_BEFORE_REVIEW) - 1);
}

/** "overdue this release" (the deadline is the release under review), or "overdue by 2 releases". */
function overdueBy(cyclesLeft: number): string {
  const late = -cyclesLeft;
  return late <= 0 ? 'overdue this release' : `overdue by ${late} release${late === 1 ? '' : 's'}`;
}

function featureMarks(feature: FeatureReport, model: ReportModel, names: readonly string[], center: (index: number) => number, y: number): string[] {
  const at = (name: string | null) => (name === null ? -1 : names.indexOf(name));
  const introduced = at(feature.introduced);
  const parts: string[] = [];
  if (introduced < 0) {
    parts.push(`<text class="date" x="${LABEL_WIDTH + 6}" y="${y + 4}">${feature.introduced ? `introduced in ${escapeHtml(feature.introduced)} (not in the train)` : 'no introduced release'}</text>`);
    return parts;
  }
  if (feature.status !== 'preview') {
    const end = center(Math.max(names.length - 1, introduced)) + COLUMN / 2 - 8;
    const tip = `${feature.id}: ${feature.status}, introduced ${feature.introduced}`;
    parts.push(`<line class="status-${feature.status}" x1="${center(introduced)}" y1="${y}" x2="${end}" y2="${y}"><title>${escapeHtml(tip)}</title></line>`);
    parts.push(`<circle class="status-${feature.status}" cx="${center(introduced)}" cy="${y}" r="5"><title>${escapeHtml(tip)}</title></circle>`);
    parts.push(`<text class="status-label" x="${center(introduced) + 10}" y="${y - 6}">${escapeHtml(feature.status)}</text>`);
    return parts;
  }
  const { deadline } = feature;
  const deadlineIndex = deadline.release !== null ? at(deadline.release) : deadline.afterTrain > 0 ? names.length - 1 + deadline.afterTrain : -1;
  const tip = `${feature.id}: introduced ${feature.introduced}, deadline ${deadlineCell(feature, model)}, ${STATE_TEXT[deadline.state]}`;
  if (deadlineIndex >= 0) {
    const x1 = center(introduced);
    const x2 = center(deadlineIndex);
    parts.push(`<rect class="bar ${STATE_CLASS[deadline.state]}" x="${x1}" y="${y - 7}" width="${Math.max(4, x2 - x1)}" height="14" rx="7"><title>${escapeHtml(tip)}</title></rect>`);
    parts.push(`<path class="flag ${STATE_CLASS[deadline.state]}" d="M${x2} ${y - 11} v22 M${x2} ${y - 11} h9 l-3 4 l3 4 h-9"><title>${escapeHtml(`deadline ${deadlineCell(feature, model)}`)}</title></path>`);
    if (deadline.state === 'overdue') parts.push(`<text class="overdue-by" x="${x2 + 12}" y="${y + 4}">${escapeHtml(overdueBy(deadline.cyclesLeft ?? 0))}</text>`);
  } else {
    parts.push(`<circle class="bar ${STATE_CLASS[deadline.state]}" cx="${center(introduced)}" cy="${y}" r="6"><title>${escapeHtml(tip)}</title></circle>`);
  }
  for (const renewal of feature.renewals) {
    const index = at(renewal.release);
    if (index < 0) continue;
    const x = center(index);
    const note = renewal.counted ? `renewed in ${renewal.release}` : `renewal in ${renewal.release} does not count: ${renewal.problems.join('; ')}`;
    parts.push(`<path class="renewal${renewal.counted ? '' : ' void'}" d="M${x} ${y - 8} l7 8 l-7 8 l-7 -8 z"><title>${escapeHtml(note)}</title></path>`);
  }
  return parts;
}

const STRIP_CLASS: Record<string, string> = { '+': 'day-pass', f: 'day-test', i: 'day-infra', s: 'day-silent', '.': 'day-quiet', '!': 'day-broken' };
const DAY = 16;
const DAY_MS = 86_400_000;

/** YYYY-MM-DD of `from` plus `days` (UTC, so the same in every time zone). */
function addDays(from: string, days: number): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Number.isNaN(start) ? '' : new Date(start + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The probation window of one CI as a daily strip: one cell per day, coloured by what happened
 * that day (the `lifecycle ci-readiness` strip), with week ticks and a tooltip per day.
 */
export function ciStripSvg(system: Pick<CiSystemReport, 'name' | 'strip' | 'broken' | 'window'>): string {
  const days = [...system.strip];
  const width = Math.max(1, days.length) * DAY + 20;
  const height = 74;
  const parts: string[] = [];
  days.forEach((mark, index) => {
    const x = 10 + index * DAY;
    const date = addDays(system.window.from, index);
    parts.push(
      `<rect class="day ${STRIP_CLASS[mark] ?? 'day-quiet'}" x="${x}" y="8" width="${DAY - 2}" height="26" rx="2"><title>${escapeHtml(`${date}: ${STRIP_MEANINGS[mark] ?? mark}`)}</title></rect>`,
    );
    // The second row: the days a criterion was broken (the data above stays visible).
    if (system.broken[index] === '!') {
      parts.push(`<rect class="broken-day day-broken" x="${x}" y="36" width="${DAY - 2}" height="6" rx="1"><title>${escapeHtml(`${date}: ${STRIP_MEANINGS['!']}`)}</title></rect>`);
    }
    // A date under every 7th day and the last one (not when the two would overlap).
    if ((index % 7 === 0 && index <= days.length - 6) || index === days.length - 1) {
      parts.push(`<line class="tick" x1="${x + DAY / 2 - 1}" y1="46" x2="${x + DAY / 2 - 1}" y2="51"/>`);
      const anchor = index === 0 ? 'start' : index === days.length - 1 ? 'end' : 'middle';
      const tx = index === 0 ? x : index === days.length - 1 ? x + DAY - 2 : x + DAY / 2 - 1;
      parts.push(`<text class="date" x="${tx}" y="64" text-anchor="${anchor}">${escapeHtml(date)}</text>`);
    }
  });
  return (
    `<svg class="strip" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(`${system.name}: probation window ${system.window.from} to ${system.window.to}`)}" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`
  );
}

/** The legend of the strip colours, as HTML. */
export function stripLegend(): string {
  return Object.entries(STRIP_MEANINGS)
    .map(([mark, meaning]) => `<span class="legend"><svg width="12" height="12" aria-hidden="true"><rect class="day ${STRIP_CLASS[mark]}" width="12" height="12" rx="2"/></svg> ${escapeHtml(meaning)}</span>`)
    .join(' ');
}
