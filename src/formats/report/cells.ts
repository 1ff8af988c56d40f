import { deadlineLabel, type FeatureDeadlineReport, type FeatureReport, type LabelCoverage, type ReportModel } from '../../report/model.js';

/** The deadline states the report shows (its model's, so this reporter needs nothing below it). */
type DeadlineState = FeatureDeadlineReport['state'];

/** Short texts shared by the text, Markdown and HTML reporters, so they say the same things. */

export interface ReportOptions {
  /** ANSI colours (text format, on a TTY only). */
  color: boolean;
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

export const STATE_TEXT: Record<DeadlineState, string> = { ok: 'ok', 'due-next': 'due next release', overdue: 'overdue', unknown: 'unknown' };

const STATE_CELL: Record<DeadlineState, string> = { ok: 'ok', 'due-next': 'due next', overdue: 'overdue', unknown: 'unknown' };

/** The deadline state cell: '-' for features that are not in preview. */
export function stateCell(feature: FeatureReport): string {
  if (feature.status !== 'preview') return '-';
  return (feature.deadline.ageCycles ?? 0) < 0 ? 'not yet' : STATE_CELL[feature.deadline.state];
}

/** The deadline in a table cell: the release, or `2027.1+2` for one past the end of the train. */
export function deadlineCell(feature: FeatureReport, model: ReportModel): string {
  if (feature.status !== 'preview') return '-';
  const last = model.release.train.at(-1)?.name;
  return feature.deadline.release === null && feature.deadline.afterTrain > 0 && last ? `${last}+${feature.deadline.afterTrain}` : deadlineLabel(feature.deadline, last);
}

/** A probation strip split into weeks, as \`lifecycle ci-readiness\` prints it. */
export function weeklyStrip(strip: string): string {
  const weeks: string[] = [];
  for (let i = 0; i < strip.length; i += 7) weeks.push(strip.slice(i, i + 7));
  return weeks.join(' ');
}

export function ageCell(feature: FeatureReport): string {
  const age = feature.deadline.ageCycles;
  return feature.status === 'preview' && age !== null && age >= 0 ? String(age) : '-';
}

/** Preview features: labelled/total; the others: how many stale labels ("ok" when none). */
export function coverageCell(feature: FeatureReport, coverage: LabelCoverage | null): string {
  if (!coverage || coverage.total === 0) return '-';
  if (feature.status === 'preview') return `${coverage.labelled}/${coverage.total}`;
  return coverage.labelled > 0 ? `${coverage.labelled} stale` : 'ok';
}

export function fanInCell(feature: FeatureReport): string {
  const { files, violations } = feature.fanIn;
  return violations > 0 ? `${files} (${violations} forbidden)` : String(files);
}

export function testsCell(feature: FeatureReport): string {
  const misplaced = feature.tests.misplaced.length;
  const count = feature.tests.inPreviewTree + feature.tests.coLocated;
  return misplaced > 0 ? `${count} (${misplaced} misplaced)` : String(count);
}

function findingsCell(feature: FeatureReport): string {
  return `${feature.findings.errors}/${feature.findings.warnings}`;
}

/** "due next release (introduced 2026.1, 1 of 2 cycles)" and the like. */
/** The cells of one row of the feature table, in column order (shared by text and Markdown). */
export function featureRowCells(feature: FeatureReport, model: ReportModel): string[] {
  return [
    feature.id,
    feature.status,
    feature.introduced ?? '-',
    ageCell(feature),
    deadlineCell(feature, model),
    stateCell(feature),
    coverageCell(feature, feature.labels.config),
    coverageCell(feature, feature.labels.docs),
    coverageCell(feature, feature.labels.cli),
    fanInCell(feature),
    testsCell(feature),
    findingsCell(feature),
    feature.recommendation.action,
  ];
}

export function deadlineSentence(feature: FeatureReport, model: ReportModel): string {
  const { deadline } = feature;
  if (feature.status !== 'preview') return `none (${feature.status})`;
  if (deadline.state === 'unknown') return `unknown: ${deadline.note ?? 'no release data'}`;
  const since = `${deadline.sinceKind === 'renewal' ? 'renewed' : 'introduced'} in ${deadline.since}`;
  const age = `${plural(deadline.ageCycles ?? 0, 'cycle')} of ${model.settings.maxCycles}`;
  return `${deadlineLabel(deadline, model.release.train.at(-1)?.name)}, ${STATE_TEXT[deadline.state]} (${since}, ${age})`;
}

/** One line per label kind with a count, e.g. "config 2/3 · docs 1/1 · CLI help 4/4". */
export function labelsSentence(feature: FeatureReport): string {
  const parts: string[] = [];
  const kinds: [string, LabelCoverage | null][] = [
    ['config', feature.labels.config],
    ['docs', feature.labels.docs],
    ['CLI help', feature.labels.cli],
    ['routes', feature.labels.routes],
  ];
  for (const [name, coverage] of kinds) {
    if (!coverage || coverage.total === 0) continue;
    parts.push(`${name} ${coverageCell(feature, coverage)}`);
  }
  return parts.length > 0 ? parts.join(' · ') : 'nothing to label';
}

/** The places to fix: unlabelled (preview) or stale labels (the others), at most `limit` per kind. */
export function labelProblems(feature: FeatureReport, limit = 5): string[] {
  const lines: string[] = [];
  const verb = feature.status === 'preview' ? 'unlabelled' : 'stale label';
  for (const coverage of [feature.labels.config, feature.labels.docs, feature.labels.cli, feature.labels.routes]) {
    if (!coverage) continue;
    for (const place of coverage.problems.slice(0, limit)) lines.push(`${verb}: ${place.file}:${place.line} ${place.what}`);
    if (coverage.problems.length > limit) lines.push(`…and ${coverage.problems.length - limit} more`);
  }
  return lines;
}

export function fanInSentence(feature: FeatureReport): string {
  const { fanIn } = feature;
  if (fanIn.files === 0) return 'no stable file imports it';
  const through = fanIn.exceptionsUsed.reduce((sum, use) => sum + use.files, 0);
  const parts = [plural(fanIn.files, 'stable file'), `${plural(fanIn.imports, 'import')}`];
  if (fanIn.violations > 0) parts.push(`${fanIn.violations} forbidden`);
  if (fanIn.suppressed > 0) parts.push(`${fanIn.suppressed} suppressed`);
  if (through > 0) parts.push(`${through} through exceptions`);
  return parts.join(', ');
}

export function testsSentence(feature: FeatureReport): string {
  const coLocated = feature.tests.coLocated > 0 ? `${plural(feature.tests.coLocated, 'file')} next to its code` : '';
  const inTree = feature.tests.inPreviewTree > 0 || !coLocated ? `${plural(feature.tests.inPreviewTree, 'file')} in the preview test tree` : '';
  const where = [inTree, coLocated].filter(Boolean).join(', ');
  const misplaced = feature.tests.misplaced.length;
  return misplaced > 0 ? `${where}; ${misplaced} misplaced` : where;
}

export function findingsSentence(feature: FeatureReport): string {
  const entries = Object.entries(feature.findings.byCheck);
  return entries.length === 0 ? 'none' : entries.map(([rule, count]) => `${rule} ${count}`).join(', ');
}

/** Features in review order: preview first (overdue, due next, ok, unknown), then the others, each by id. */
export function reviewOrder(features: readonly FeatureReport[]): FeatureReport[] {
  const statusRank = { preview: 0, deprecated: 1, stable: 2, removed: 3 } as const;
  const stateRank = { overdue: 0, 'due-next': 1, ok: 2, unknown: 3 } as const;
  return [...features].sort(
    (a, b) =>
      statusRank[a.status] - statusRank[b.status] ||
      (a.status === 'preview' ? stateRank[a.deadline.state] - stateRank[b.deadline.state] : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export function summarySentence(model: ReportModel): string {
  const { summary } = model;
  const statuses = (['preview', 'stable', 'deprecated', 'removed'] as const)
    .filter((status) => summary.features[status] > 0)
    .map((status) => `${summary.features[status]} ${status}`);
  const deadlines = `${summary.deadlines.overdue} overdue, ${summary.deadlines['due-next']} due next release, ${summary.deadlines.ok} on track`;
  const actions = (['promote', 'renew', 'remove', 'keep'] as const).map((action) => `${action} ${summary.recommendations[action]}`).join(', ');
  return `${plural(summary.features.total, 'feature')} (${statuses.join(', ') || 'none'}); ${deadlines}; ${actions}`;
}

export function releaseSentence(model: ReportModel): string {
  const source = model.release.source === 'flag' ? '--release' : 'releases.current';
  return `${model.release.name || '(no release)'} (${source})`;
}

/**
 * The train as one line; a long one (a release per minor of a 100-release project) shows its first
 * and last releases and those around the release under review, with the gaps counted.
 */
export function trainSentence(model: ReportModel, show: (name: string, date: string | null, current: boolean) => string = plainRelease): string {
  const { train } = model.release;
  const at = train.findIndex((release) => release.name === model.release.name);
  const shown = (index: number) => train.length <= 9 || index === 0 || index === train.length - 1 || (at < 0 ? index < 3 || index >= train.length - 3 : index >= at - 3 && index <= at + 2);
  const parts: string[] = [];
  let hidden = 0;
  train.forEach((release, index) => {
    if (!shown(index)) {
      hidden += 1;
      return;
    }
    if (hidden > 0) parts.push(`… ${hidden} releases …`);
    hidden = 0;
    parts.push(show(release.name, release.date, index === at));
  });
  return parts.join(' → ');
}

function plainRelease(name: string, date: string | null, current: boolean): string {
  const shown = current ? `[${name}]` : name;
  return date ? `${shown} ${date}` : shown;
}

export function checkSentence(model: ReportModel): string {
  const { check } = model;
  return `${plural(check.files, 'file')} checked, ${plural(check.errors, 'error')}, ${plural(check.warnings, 'warning')}`;
}
