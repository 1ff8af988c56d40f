import { featureDeadline, type FeatureDeadline } from '../policy/deadlines.js';
import { testFileInfo } from '../policy/test-locations.js';
import { compareStrings, type CheckCounts, type Finding } from '../findings.js';
import type { Feature, Policy } from '../policy/model.js';
import { ciSection } from './ci-section.js';
import { fanInByFeature } from './fan-in.js';
import { labelCoverage } from './label-coverage.js';
import { recommend } from './recommend.js';
import { deadlineLabel, type CiReport, type FeatureDeadlineReport, type FeatureReport, type ReportInput, type ReportModel, type ReportSummary } from './model.js';

/** Builds the report model (pure: same input, same model). */
export function buildReport(input: ReportInput): ReportModel {
  const { facts, result } = input;
  const { policy } = facts;
  const release = policy.releases.current ?? '';
  const labels = labelCoverage(facts);
  const fanIn = fanInByFeature(facts, result.findings);
  const featureOfFile = new Map((facts.tree ?? facts.files).map((entry) => [entry.file, entry.class.feature]));
  const findingsByFeature = groupFindings(result.findings, featureOfFile);
  const codeFiles = new Map<string, number>();
  const previewTests = new Map<string, number>();
  const coLocatedTests = new Map<string, number>();
  for (const entry of facts.tree ?? facts.files) {
    if (entry.class.feature !== undefined) codeFiles.set(entry.class.feature, (codeFiles.get(entry.class.feature) ?? 0) + 1);
    const test = testFileInfo(policy, entry.file);
    if (test.subtreeFeature) previewTests.set(test.subtreeFeature, (previewTests.get(test.subtreeFeature) ?? 0) + 1);
    // Next to the code counts where the policy names no test tree (else such a test is misplaced).
    else if (test.isTest && entry.class.feature && policy.preview.tests.length === 0) coLocatedTests.set(entry.class.feature, (coLocatedTests.get(entry.class.feature) ?? 0) + 1);
  }
  const features = policy.features.map((feature): FeatureReport => {
    const deadline = featureDeadline(feature, { releases: policy.releases, maxCycles: policy.preview.maxCycles, maxRenewals: policy.preview.maxRenewals });
    const ownFindings = findingsByFeature.get(feature.id) ?? [];
    const misplaced = ownFindings
      .filter((finding) => finding.rule === 'preview-test-location')
      .map((finding) => ({ file: finding.file, line: finding.line, message: finding.message }));
    const featureLabels = labels.get(feature.id)!;
    const staleLabels = feature.status === 'preview' ? 0 : featureLabels.config.labelled + featureLabels.docs.labelled;
    const deadlineReport = deadlineOf(feature, deadline, policy);
    return {
      id: feature.id,
      status: feature.status,
      title: feature.title ?? null,
      owners: [...feature.owners],
      tracking: feature.tracking ?? null,
      introduced: feature.introduced ?? null,
      renewals: feature.renewals.map((renewal, index) => ({
        release: renewal.release,
        tracking: renewal.tracking ?? null,
        reason: renewal.reason ?? null,
        counted: deadline.renewals[index]?.counted ?? false,
        problems: deadline.renewals[index]?.problems ?? [],
      })),
      deadline: deadlineReport,
      labels: featureLabels,
      staleLabels,
      fanIn: fanIn.get(feature.id)!,
      tests: { inPreviewTree: previewTests.get(feature.id) ?? 0, coLocated: coLocatedTests.get(feature.id) ?? 0, misplaced },
      codeFiles: codeFiles.get(feature.id) ?? 0,
      findings: countFindings(ownFindings),
      recommendation: recommend({
        feature,
        deadline,
        labels: featureLabels,
        staleLabels,
        fanIn: fanIn.get(feature.id)!,
        misplacedTests: misplaced.length,
        tests: (previewTests.get(feature.id) ?? 0) + (coLocatedTests.get(feature.id) ?? 0),
        codeFiles: codeFiles.get(feature.id) ?? 0,
        maxRenewals: policy.preview.maxRenewals,
        release,
        deadlineLabel: deadlineLabel(deadlineReport, policy.releases.names.at(-1)),
      }),
    };
  });
  const ci = input.readiness ? ciSection(input.readiness) : null;
  return {
    version: 1,
    project: input.project,
    policy: policy.file,
    release: {
      name: release,
      source: input.releaseSource,
      train: policy.releases.names.map((name) => ({ name, date: input.dates[name] ?? null })),
    },
    settings: {
      label: policy.preview.label,
      maxCycles: policy.preview.maxCycles,
      maxRenewals: policy.preview.maxRenewals ?? null,
      routes: (policy.severities['preview-route-label'] ?? 'off') !== 'off',
    },
    summary: summarize(features, ci),
    check: { ...pickSummary(result.summary), unattributed: findingsByFeature.get('')?.length ?? 0 },
    features,
    ci,
  };
}


function deadlineOf(feature: Feature, deadline: FeatureDeadline, policy: Policy): FeatureDeadlineReport {
  const lastIndex = policy.releases.names.length - 1;
  const inPreview = feature.status === 'preview';
  const afterTrain = inPreview && deadline.deadlineIndex !== undefined && deadline.deadlineIndex > lastIndex ? deadline.deadlineIndex - lastIndex : 0;
  return {
    state: inPreview ? deadline.state : 'unknown',
    note: inPreview ? (deadline.unknownBecause ?? null) : `${feature.status} features have no deadline`,
    since: deadline.since ?? null,
    sinceKind: deadline.sinceKind ?? null,
    release: inPreview ? (deadline.deadline ?? null) : null,
    afterTrain,
    ageCycles: deadline.ageCycles ?? null,
    cyclesLeft: inPreview ? (deadline.cyclesLeft ?? null) : null,
  };
}

/** Findings per feature: the finding's own feature, else the feature of its file; '' for the rest. */
function groupFindings(findings: readonly Finding[], featureOfFile: ReadonlyMap<string, string | undefined>): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const finding of findings) {
    const id = finding.feature ?? featureOfFile.get(finding.file) ?? '';
    out.set(id, [...(out.get(id) ?? []), finding]);
  }
  return out;
}

function countFindings(findings: readonly Finding[]): FeatureReport['findings'] {
  const byCheck: Record<string, number> = {};
  for (const finding of [...findings].sort((a, b) => compareStrings(a.rule, b.rule))) byCheck[finding.rule] = (byCheck[finding.rule] ?? 0) + 1;
  return {
    errors: findings.filter((finding) => finding.severity === 'error').length,
    warnings: findings.filter((finding) => finding.severity === 'warn').length,
    byCheck,
  };
}

function pickSummary(summary: CheckCounts): CheckCounts {
  return { errors: summary.errors, warnings: summary.warnings, files: summary.files, unresolved: summary.unresolved };
}

function summarize(features: readonly FeatureReport[], ci: CiReport | null): ReportSummary {
  const statuses: ReportSummary['features'] = { total: features.length, preview: 0, stable: 0, deprecated: 0, removed: 0 };
  const deadlines: ReportSummary['deadlines'] = { ok: 0, 'due-next': 0, overdue: 0, unknown: 0 };
  const recommendations: ReportSummary['recommendations'] = { promote: 0, renew: 0, remove: 0, keep: 0 };
  for (const feature of features) {
    statuses[feature.status] += 1;
    if (feature.status === 'preview') deadlines[feature.deadline.state] += 1;
    recommendations[feature.recommendation.action] += 1;
  }
  return {
    features: statuses,
    deadlines,
    recommendations,
    ci: ci ? { systems: ci.systems.length, mayVote: ci.systems.filter((system) => system.mayVote).length } : null,
  };
}
