import { verdictFor } from '../checks/no-preview-import.js';
import { isMisplacedTestImport } from '../checks/preview-test-location.js';
import { compareStrings, type Finding } from '../findings.js';
import type { CheckInput } from '../checks/check.js';

/**
 * How a stable file reaches a feature's preview code: `violation` (no-preview-import reports it),
 * `suppressed` (forbidden, but silenced by a suppression comment or `checks: off`), `allowed`
 * (allowed without an exception, e.g. `preview.typeOnlyImports: allow`), `exception` (through a
 * `preview.exceptions` entry).
 */
type ImporterKind = 'violation' | 'suppressed' | 'allowed' | 'exception';

interface Importer {
  file: string;
  /** Import edges from this file into the feature. */
  imports: number;
  kind: ImporterKind;
  /** The exception's path globs, for `exception`. */
  exception?: string;
}

interface ExceptionUse {
  path: string;
  reason: string;
  /** Stable files importing the feature through it. */
  files: number;
}

/** Stable → preview fan-in of one feature. Tests importing it are counted under tests, not here. */
export interface FanIn {
  /** Distinct stable files importing the feature (exceptions included). */
  files: number;
  /** Import edges from those files. */
  imports: number;
  /** Files with at least one reported violation edge. */
  violations: number;
  /** Files whose forbidden edges are all suppressed. */
  suppressed: number;
  /** Importers outside exceptions, worst kind first, then most edges, then path; at most TOP_IMPORTERS. */
  top: Importer[];
  /** Importers through exceptions, most edges first; at most TOP_IMPORTERS. */
  viaExceptions: Importer[];
  exceptionsUsed: ExceptionUse[];
}

const TOP_IMPORTERS = 5;

const KIND_RANK: Record<ImporterKind, number> = { violation: 0, suppressed: 1, allowed: 2, exception: 3 };

/** Fan-in of every feature, from the import facts and the reported findings (pure). */
export function fanInByFeature(facts: CheckInput, findings: readonly Finding[]): Map<string, FanIn> {
  const { policy } = facts;
  const reported = new Set(
    findings.filter((finding) => finding.rule === 'no-preview-import').map((finding) => `${finding.file}:${finding.line}:${finding.column}`),
  );
  /** feature → importer file → importer */
  const byFeature = new Map<string, Map<string, Importer>>();
  const exceptionFiles = new Map<string, Map<string, { reason: string; files: Set<string> }>>();
  for (const file of facts.files) {
    if (file.class.zone !== 'stable') continue;
    for (const fact of file.imports) {
      const target = fact.target;
      if (target.kind !== 'file' && target.kind !== 'package') continue;
      const feature = target.class.zone === 'preview' ? target.class.feature : undefined;
      if (feature === undefined || isMisplacedTestImport(file, fact, policy)) continue;
      const verdict = verdictFor(file, fact, facts);
      let kind: ImporterKind;
      let exception: string | undefined;
      if (!verdict.allowed) {
        kind = reported.has(`${file.file}:${fact.line}:${fact.column}`) ? 'violation' : 'suppressed';
      } else {
        const typeOnlyAllowed = fact.typeOnly && policy.preview.typeOnlyImports === 'allow';
        const entry = typeOnlyAllowed
          ? undefined
          : file.class.exceptions?.find((candidate) => candidate.features === undefined || candidate.features.includes(feature));
        kind = entry ? 'exception' : 'allowed';
        if (entry) {
          exception = entry.path.join(', ');
          const uses = exceptionFiles.get(feature) ?? new Map<string, { reason: string; files: Set<string> }>();
          const use = uses.get(exception) ?? { reason: entry.reason, files: new Set<string>() };
          use.files.add(file.file);
          uses.set(exception, use);
          exceptionFiles.set(feature, uses);
        }
      }
      const importers = byFeature.get(feature) ?? new Map<string, Importer>();
      const known = importers.get(file.file);
      if (!known) importers.set(file.file, { file: file.file, imports: 1, kind, ...(exception !== undefined ? { exception } : {}) });
      else {
        known.imports += 1;
        // A file that also has a forbidden edge is listed with the worst kind.
        if (KIND_RANK[kind] < KIND_RANK[known.kind]) {
          known.kind = kind;
          delete known.exception;
        }
      }
      byFeature.set(feature, importers);
    }
  }
  const out = new Map<string, FanIn>();
  for (const feature of policy.features) {
    const importers = [...(byFeature.get(feature.id)?.values() ?? [])];
    const byWeight = (a: Importer, b: Importer) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.imports - a.imports || compareStrings(a.file, b.file);
    const outside = importers.filter((importer) => importer.kind !== 'exception').sort(byWeight);
    const through = importers.filter((importer) => importer.kind === 'exception').sort(byWeight);
    out.set(feature.id, {
      files: importers.length,
      imports: importers.reduce((sum, importer) => sum + importer.imports, 0),
      violations: importers.filter((importer) => importer.kind === 'violation').length,
      suppressed: importers.filter((importer) => importer.kind === 'suppressed').length,
      top: outside.slice(0, TOP_IMPORTERS),
      viaExceptions: through.slice(0, TOP_IMPORTERS),
      exceptionsUsed: [...(exceptionFiles.get(feature.id)?.entries() ?? [])]
        .map(([path, use]) => ({ path, reason: use.reason, files: use.files.size }))
        .sort((a, b) => compareStrings(a.path, b.path)),
    });
  }
  return out;
}
