import type { CiReport, FeatureReport, ReportModel } from '../../report/model.js';
import {
  checkSentence,
  deadlineSentence,
  fanInSentence,
  featureRowCells,
  labelProblems,
  labelsSentence,
  plural,
  reviewOrder,
  summarySentence,
  testsSentence,
  trainSentence,
  weeklyStrip,
} from './cells.js';

/** A hidden marker, so a bot can find and update the comment or issue body it wrote before. */
const MARKER = '<!-- feature-lifecycle report -->';

/** Markdown to paste into a release issue: decisions as a checklist, the feature table, details, CI verdicts. */
export function renderReportMarkdown(model: ReportModel): string {
  const features = reviewOrder(model.features);
  const train = trainSentence(model, (name, date, current) => {
    const shown = current ? `**${name}**` : name;
    return date ? `${shown} (${date})` : shown;
  });
  const lines = [
    MARKER,
    `## Release review: ${text(model.project)} ${model.release.name}`,
    '',
    `- **Train:** ${train}${model.release.source === 'flag' ? ' (reviewed with `--release`)' : ''}`,
    `- **Policy:** ${code(model.policy)} · label "${text(model.settings.label)}" · maxCycles ${model.settings.maxCycles}${model.settings.maxRenewals !== null ? ` · maxRenewals ${model.settings.maxRenewals}` : ''}`,
    `- **Check:** ${checkSentence(model)}`,
    `- **Summary:** ${summarySentence(model)}`,
  ];
  if (model.ci) lines.push(`- **CI:** ${model.ci.systems.filter((system) => system.mayVote).length} of ${plural(model.ci.systems.length, 'system')} may vote`);
  if (features.length === 0) lines.push('', 'No features in the registry (`features:` in the policy).');
  else {
    lines.push('', '### Decisions', '');
    for (const feature of features) {
      const title = feature.title ? ` (${text(feature.title)})` : '';
      lines.push(`- [ ] **${text(feature.id)}**${title}: **${feature.recommendation.action}** — ${text(feature.recommendation.reason)}`);
    }
    lines.push('', '### Features', '', ...featureTable(features, model));
    lines.push('', '### Details');
    for (const feature of features) lines.push('', ...featureDetails(feature, model));
  }
  if (model.ci) lines.push('', ...ciTable(model.ci));
  return `${lines.join('\n')}\n`;
}

function featureTable(features: readonly FeatureReport[], model: ReportModel): string[] {
  const lines = [
    '| Feature | Status | Introduced | Age | Deadline | State | Config | Docs | CLI | Fan-in | Tests | Err/warn | Recommendation |',
    '| --- | --- | --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const feature of features) {
    const row = featureRowCells(feature, model);
    const cells = row.map((cell, column) => (column === 0 ? `**${text(cell)}**` : column === row.length - 1 ? `**${cell}**` : cell));
    lines.push(`| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`);
  }
  return lines;
}

function featureDetails(feature: FeatureReport, model: ReportModel): string[] {
  const lines = [`#### ${text(feature.id)}${feature.title ? ` — ${text(feature.title)}` : ''} (${feature.status})`, ''];
  lines.push(`- Owners: ${feature.owners.length > 0 ? feature.owners.map(text).join(', ') : '_none_'}`);
  lines.push(`- Tracking: ${feature.tracking ? `<${feature.tracking.replace(/[<>\s]/g, encodeURIComponent)}>` : '_none_'}`);
  if (feature.status === 'preview') {
    lines.push(`- Deadline: ${text(deadlineSentence(feature, model))}`);
    const renewals = feature.renewals.map(
      (renewal) => `${renewal.release}${renewal.counted ? '' : ` (does not count: ${text(renewal.problems.join('; '))})`}`,
    );
    lines.push(`- Renewals: ${renewals.length > 0 ? renewals.join(', ') : 'none'}`);
  } else if (feature.introduced) {
    lines.push(`- Introduced: ${feature.introduced}`);
  }
  lines.push(`- Labels: ${text(labelsSentence(feature))}`);
  for (const problem of labelProblems(feature)) lines.push(`  - ${text(problem)}`);
  if (feature.status === 'preview' || feature.fanIn.files > 0) {
    lines.push(`- Fan-in: ${text(fanInSentence(feature))}`);
    for (const importer of [...feature.fanIn.top, ...feature.fanIn.viaExceptions]) {
      lines.push(`  - ${code(importer.file)}: ${importer.kind}${importer.exception ? ` (${code(importer.exception)})` : ''}, ${plural(importer.imports, 'import')}`);
    }
    for (const use of feature.fanIn.exceptionsUsed) {
      lines.push(`  - exception ${code(use.path)} (${plural(use.files, 'file')}): ${text(use.reason)}`);
    }
  }
  if (feature.status === 'preview' || feature.tests.misplaced.length > 0) {
    lines.push(`- Tests: ${text(testsSentence(feature))}`);
    for (const place of feature.tests.misplaced.slice(0, 5)) lines.push(`  - misplaced: ${code(`${place.file}:${place.line}`)}`);
  }
  if (feature.status === 'removed') lines.push(`- Code left: ${plural(feature.codeFiles, 'file')}`);
  const findings = Object.entries(feature.findings.byCheck).map(([rule, count]) => `${code(rule)} ${count}`);
  lines.push(`- Findings: ${findings.length > 0 ? findings.join(', ') : 'none'}`);
  lines.push(`- **Recommendation: ${feature.recommendation.action}** (rule ${code(feature.recommendation.rule)}): ${text(feature.recommendation.reason)}`);
  return lines;
}

function ciTable(ci: CiReport): string[] {
  const lines = [
    `### CI systems (readiness as of ${ci.asOf})`,
    '',
    '| System | Verdict | May vote | Clean since | Eligible on | Failing criteria |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const system of ci.systems) {
    const failing = system.failing.map((criterion) => `${criterion.id} ${criterion.shown}`).join('; ') || 'none';
    lines.push(
      `| ${text(system.name).replace(/\|/g, '\\|')} | \`${system.verdict}\` | ${system.mayVote ? 'yes' : '**no**'} | ${system.cleanSince ?? '-'} | ${system.eligibleOn ?? '-'} | ${text(failing).replace(/\|/g, '\\|')} |`,
    );
  }
  lines.push('', 'Per-day strips of the probation windows:', '', '```text');
  const width = Math.max(...ci.systems.map((system) => system.name.length));
  for (const system of ci.systems) {
    lines.push(`${system.name.padEnd(width)}  ${system.window.from} ${weeklyStrip(system.strip)} ${system.window.to}`);
    // The second row: the days a criterion was broken (the strip above keeps what the CI did).
    if (system.broken.includes('!')) lines.push(`${''.padEnd(width)}  ${''.padEnd(system.window.from.length)} ${weeklyStrip(system.broken)} broken`);
  }
  lines.push('```');
  return lines;
}

/**
 * Text in Markdown: what could start an HTML tag or an entity, and emphasis, code and link
 * characters, defused (`<= 48 h` stays readable).
 */
function text(value: string): string {
  return value
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
    .replace(/([\\`*_[\]])/g, '\\$1');
}

/** Inline code that survives backticks in the text. */
function code(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return value.startsWith('`') || value.endsWith('`') ? `${fence} ${value} ${fence}` : `${fence}${value}${fence}`;
}
