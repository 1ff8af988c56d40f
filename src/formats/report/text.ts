import type { Action, CiReport, FeatureDeadlineReport, FeatureReport, ReportModel } from '../../report/model.js';
import {
  checkSentence,
  deadlineSentence,
  fanInSentence,
  featureRowCells,
  findingsSentence,
  labelProblems,
  labelsSentence,
  releaseSentence,
  reviewOrder,
  summarySentence,
  testsSentence,
  trainSentence,
  weeklyStrip,
  type ReportOptions,
} from './cells.js';

/** The deadline states the report shows (its model's, so this reporter needs nothing below it). */
type DeadlineState = FeatureDeadlineReport['state'];

const CODES = { red: [31, 39], yellow: [33, 39], green: [32, 39], dim: [2, 22], bold: [1, 22] } as const;
type Style = keyof typeof CODES;

const STATE_STYLE: Record<DeadlineState, Style | undefined> = { overdue: 'red', 'due-next': 'yellow', ok: 'green', unknown: undefined };
const ACTION_STYLE: Record<Action, Style> = { promote: 'green', renew: 'yellow', remove: 'red', keep: 'dim' };

/** The terminal report: a summary, one aligned table of features, a block per feature, the CI verdicts. */
export function renderReportText(model: ReportModel, options: ReportOptions): string {
  const paint = (style: Style | undefined, text: string): string =>
    options.color && style ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text;
  const features = reviewOrder(model.features);
  const lines: string[] = [
    paint('bold', `Release review: ${model.project} as of ${releaseSentence(model)}`),
    `train    ${trainSentence(model)}`,
    `policy   ${model.policy} · label "${model.settings.label}" · maxCycles ${model.settings.maxCycles}${model.settings.maxRenewals !== null ? ` · maxRenewals ${model.settings.maxRenewals}` : ''}`,
    `check    ${checkSentence(model)}`,
    `summary  ${summarySentence(model)}`,
    '',
  ];
  if (features.length === 0) lines.push('No features in the registry (features: in the policy).', '');
  else {
    lines.push(...featureTable(features, model, paint), '');
    for (const feature of features) lines.push(...featureBlock(feature, model, paint), '');
  }
  if (model.ci) lines.push(...ciBlock(model.ci, paint), '');
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

type Paint = (style: Style | undefined, text: string) => string;

function featureTable(features: readonly FeatureReport[], model: ReportModel, paint: Paint): string[] {
  const header = ['FEATURE', 'STATUS', 'INTRODUCED', 'AGE', 'DEADLINE', 'STATE', 'CONFIG', 'DOCS', 'CLI', 'FAN-IN', 'TESTS', 'ERR/WARN', 'RECOMMENDATION'];
  const rows = features.map((feature) => featureRowCells(feature, model));
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[], styles: readonly (Style | undefined)[] = []): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? paint(styles[column], cell) : paint(styles[column], cell.padEnd(widths[column]!))))
      .join('  ');
  return [
    paint('dim', line(header)),
    ...rows.map((row, index) => {
      const feature = features[index]!;
      const styles: (Style | undefined)[] = [];
      styles[5] = feature.status === 'preview' ? STATE_STYLE[feature.deadline.state] : undefined;
      styles[12] = ACTION_STYLE[feature.recommendation.action];
      return line(row, styles);
    }),
  ];
}

function featureBlock(feature: FeatureReport, model: ReportModel, paint: Paint): string[] {
  const head = [feature.id, feature.title, feature.status].filter((part): part is string => Boolean(part)).join(' · ');
  const field = (name: string, value: string) => `  ${name.padEnd(11)}${value}`;
  const lines = [paint('bold', head)];
  lines.push(field('owners', feature.owners.length > 0 ? feature.owners.join(', ') : '(none)'));
  lines.push(field('tracking', feature.tracking ?? '(none)'));
  if (feature.status === 'preview') {
    lines.push(field('deadline', deadlineSentence(feature, model)));
    const renewals = feature.renewals.map((renewal) => `${renewal.release}${renewal.counted ? '' : ` (does not count: ${renewal.problems.join('; ')})`}`);
    lines.push(field('renewals', renewals.length > 0 ? renewals.join(', ') : 'none'));
  } else if (feature.introduced) {
    lines.push(field('introduced', feature.introduced));
  }
  lines.push(field('labels', labelsSentence(feature)));
  for (const problem of labelProblems(feature)) lines.push(field('', paint('dim', problem)));
  if (feature.status === 'preview' || feature.fanIn.files > 0) {
    lines.push(field('fan-in', fanInSentence(feature)));
    for (const importer of feature.fanIn.top) lines.push(field('', paint('dim', `${importer.kind}: ${importer.file} (${importer.imports})`)));
    for (const use of feature.fanIn.exceptionsUsed) {
      lines.push(field('', paint('dim', `exception ${use.path} (${use.files} file${use.files === 1 ? '' : 's'}): ${use.reason}`)));
    }
  }
  if (feature.status === 'preview' || feature.tests.misplaced.length > 0) {
    lines.push(field('tests', testsSentence(feature)));
    for (const place of feature.tests.misplaced.slice(0, 5)) lines.push(field('', paint('dim', `misplaced: ${place.file}:${place.line}`)));
  }
  if (feature.status === 'removed') lines.push(field('code left', `${feature.codeFiles} file${feature.codeFiles === 1 ? '' : 's'}`));
  lines.push(field('findings', findingsSentence(feature)));
  const { recommendation } = feature;
  lines.push(`  ${paint(ACTION_STYLE[recommendation.action], `→ ${recommendation.action.toUpperCase()}`)}  ${recommendation.reason}`);
  return lines;
}

function ciBlock(ci: CiReport, paint: Paint): string[] {
  const source = ci.asOfSource === 'flag' ? 'given' : ci.asOfSource === 'latest-record' ? 'the day of the latest record' : 'today: no records';
  const lines = [paint('bold', `CI systems (readiness as of ${ci.asOf}, ${source})`)];
  const nameWidth = Math.max(...ci.systems.map((system) => system.name.length));
  const verdictWidth = Math.max(...ci.systems.map((system) => system.verdict.length));
  for (const system of ci.systems) {
    const verdict = paint(system.mayVote ? 'green' : 'red', system.verdict.toUpperCase().padEnd(verdictWidth));
    const clean = system.cleanSince ? `clean since ${system.cleanSince}` : 'not clean now';
    const eligible = system.eligibleOn ? `, eligible on ${system.eligibleOn}` : '';
    lines.push(`  ${system.name.padEnd(nameWidth)}  ${verdict}  ${system.mayVote ? 'may vote    ' : 'may not vote'}  ${clean}${eligible}`);
    lines.push(`  ${''.padEnd(nameWidth)}  ${paint('dim', `window ${system.window.from} ${weeklyStrip(system.strip)} ${system.window.to}`)}`);
    if (system.broken.includes('!')) lines.push(`  ${''.padEnd(nameWidth)}  ${paint('dim', `broken ${''.padEnd(system.window.from.length)} ${weeklyStrip(system.broken)}`)}`);
    for (const criterion of system.failing) lines.push(`  ${''.padEnd(nameWidth)}  ${paint('red', 'FAIL')} ${criterion.id} ${criterion.shown}`);
  }
  return lines;
}
