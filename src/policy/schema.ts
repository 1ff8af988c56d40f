import { z } from 'zod';
import { ciSectionSchema } from './schema-ci.js';

/**
 * The one schema of lifecycle.yaml. Types (`PolicyFile`), validation and the published
 * `schema.json` are all derived from it. Every key is optional except `version`, so the same
 * schema validates a preset, an extended file and the root file; defaults are applied when the
 * merged files are turned into the Policy model (model.ts).
 */

const severity = z.enum(['error', 'warn', 'off']);
const globList = z.union([z.string(), z.array(z.string())]);
const releaseName = z
  .union([z.string(), z.number()])
  .transform((value) => String(value))
  .describe('A release name of the train, e.g. 2026.2.');

const releaseSchema = z
  .strictObject({
    name: releaseName,
    date: z
      .union([z.string(), z.date()])
      .optional()
      .describe('Release date (YYYY-MM-DD); informational, cycles are counted on the train order.'),
  })
  .describe('One release of the train.');

const renewalSchema = z.strictObject({
  release: releaseName.describe('The release in which the preview was renewed.'),
  tracking: z.string().optional().describe('Link to the approved plan of the renewal.'),
  reason: z.string().optional().describe('Why the feature stays in preview.'),
});

const exceptionSchema = z.strictObject({
  path: globList.describe('Glob(s) of stable files allowed to import preview code.'),
  reason: z.string().min(1).describe('Why this place may import preview code (required).'),
  features: z
    .array(z.string())
    .optional()
    .describe('Limit the exception to these features (default: all).'),
});

const featureStatuses = ['preview', 'stable', 'deprecated', 'removed'] as const;

const featureSchema = z.strictObject({
  status: z
    .enum(featureStatuses)
    .optional()
    .describe('Lifecycle state of the feature (required once the files are merged; a file that extends another may override single fields).'),
  title: z.string().optional().describe('Human-readable name.'),
  introduced: releaseName.optional().describe('Release in which the feature entered preview.'),
  promoted: releaseName.optional().describe('Release in which the feature left preview for stable (lifecycle promote sets it).'),
  promoteTo: z
    .string()
    .optional()
    .describe("Where lifecycle promote moves the feature's code (default: its preview.code folder without the preview segment)."),
  tracking: z.string().optional().describe('Link to the blueprint, spec or tracking issue.'),
  owners: z.array(z.string()).optional().describe('People or teams answerable for the feature.'),
  renewals: z.array(renewalSchema).optional().describe('Approved extensions of the preview period.'),
  config: z.array(z.string()).optional().describe('Config keys (dotted-path patterns) of the feature.'),
  docs: z.array(z.string()).optional().describe('Doc files (globs) of the feature.'),
  packages: z
    .array(z.string())
    .optional()
    .describe('Workspace packages (by package name) that belong wholly to the feature.'),
  paths: z
    .array(z.string())
    .optional()
    .describe("Extra globs of the feature's code outside preview.code."),
  code: z
    .array(z.string())
    .optional()
    .describe("Globs of the feature's code (as paths), e.g. packages/charts/src/**."),
  tests: z
    .array(z.string())
    .optional()
    .describe("Globs of the feature's tests where they sit next to its code, e.g. packages/charts/src/**/*.test.ts or packages/charts/__tests__/**."),
  exports: z
    .array(z.string().min(1))
    .optional()
    .describe('Exported names (declarations) that belong to the feature wherever they are declared, e.g. experimental_createClient; * matches any run of name characters.'),
  reexports: z
    .enum(['allow', 'forbid'])
    .optional()
    .describe("Overrides preview.reexports for this feature's declarations."),
});

const previewSchema = z.strictObject({
  code: globList
    .optional()
    .describe('Glob(s) of preview code; {feature} binds the feature id, e.g. src/preview/{feature}/**.'),
  tests: globList.optional().describe('Glob(s) of preview tests, with {feature}.'),
  testFiles: globList
    .optional()
    .describe('Glob(s) that make a file a test file (default: *.test.*, *.spec.*, files under test/, tests/, __tests__/).'),
  label: z.string().min(1).optional().describe('The word that labels preview things (default: preview).'),
  maxCycles: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Releases a feature may stay in preview after introduction or its last renewal.'),
  maxRenewals: z.number().int().min(0).optional().describe('How many renewals a feature may have.'),
  typeOnlyImports: z
    .enum(['forbid', 'allow'])
    .optional()
    .describe('Whether stable code may import types (import type) from preview code.'),
  crossFeatureImports: z
    .enum(['forbid', 'allow'])
    .optional()
    .describe('Whether one preview feature may import another preview feature.'),
  exceptions: z
    .array(exceptionSchema)
    .optional()
    .describe('Stable places allowed to import preview code, each with a reason.'),
  tags: z
    .record(z.string().regex(/^@[A-Za-z][\w-]*$/, 'a doc tag such as @experimental'), z.string().min(1))
    .optional()
    .describe('Doc-comment tags that make a declaration preview, mapped to its feature id or to "from-name" (the feature bound by preview.exportNames, else the file\'s feature). @preview <feature> is built in.'),
  exportNames: z
    .array(z.string().min(1))
    .optional()
    .describe('Patterns of exported names that make a declaration preview, e.g. experimental_{feature} or unstable_*: * matches any run of name characters, {feature} binds the feature id.'),
  reexports: z
    .enum(['allow', 'forbid'])
    .optional()
    .describe('Whether a stable file may re-export a preview declaration (the re-export is the crossing point); default forbid.'),
});

const filesSchema = z.strictObject({
  include: z.array(z.string()).optional().describe('Globs of files to analyse (default: all source files).'),
  exclude: z.array(z.string()).optional().describe('Globs of files never analysed.'),
});

const registrySchema = z.strictObject({
  minOwners: z.number().int().min(0).optional().describe('Owners each feature should have.'),
  requireTracking: z.boolean().optional().describe('Every preview feature needs a tracking link.'),
});

export const policyFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Editor hint: path or URL of schema.json.'),
    version: z.literal(1).describe('Policy file format version; must be 1.'),
    extends: z
      .array(z.string())
      .optional()
      .describe('Presets from policies/ (by name) or relative paths to YAML files; later ones win.'),
    releases: z
      .strictObject({
        current: z
          .union([releaseName, z.strictObject({ package: z.string().min(1).describe('The name of a workspace package whose version is read.') })])
          .optional()
          .describe('The release under development: a release name, "package.json" (or "deno.json", "deno.jsonc") to read its version, or { package: NAME } to read a workspace package\'s version.'),
        train: z.array(releaseSchema).optional().describe('Ordered releases; cycles are counted on it. Instead of listing it, derive it with scheme (and tags).'),
        scheme: z
          .enum(['minor', 'major'])
          .optional()
          .describe('Derive the train from semver: each minor (5.0, 5.1, …) or each major (4, 5, …) is a release. Without tags: every release of the current major up to current, then the next one.'),
        tags: z
          .string()
          .optional()
          .describe('Derive the train from the git tags matching this pattern, e.g. "v{version}" (dates from the tagged commits; scheme default minor).'),
      })
      .optional(),
    project: z
      .strictObject({ name: z.string().min(1).optional().describe('The name the report shows (default: the root package name, unless a placeholder such as "root", else the folder name).') })
      .optional(),
    files: filesSchema.optional(),
    preview: previewSchema.optional(),
    features: z.record(z.string(), featureSchema).optional().describe('The feature registry, by id.'),
    registry: registrySchema.optional(),
    config: z
      .strictObject({ files: z.array(z.string()).optional().describe('Globs of config files.') })
      .optional(),
    docs: z.strictObject({ files: z.array(z.string()).optional().describe('Globs of doc files.') }).optional(),
    api: z
      .strictObject({
        entryPoints: globList
          .optional()
          .describe("Glob(s) of the stable public entry points whose exports preview-api-leak checks (default: workspace packages' exports and main)."),
      })
      .optional(),
    checks: z
      .record(z.string(), severity)
      .optional()
      .describe('Severity per check id: error, warn or off.'),
    ci: ciSectionSchema.optional(),
  })
  .describe('feature-lifecycle policy (lifecycle.yaml).');

/** One policy file as written (after YAML parsing and validation). */
export type PolicyFile = z.infer<typeof policyFileSchema>;
export type FeatureEntry = z.infer<typeof featureSchema>;
export type ExceptionEntry = z.infer<typeof exceptionSchema>;
export type Severity = z.infer<typeof severity>;

/** The JSON Schema published as schema.json (for editors and other tools). */
export function policyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(policyFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
