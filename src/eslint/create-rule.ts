import type { TSESLint } from '@typescript-eslint/utils';
// The subpath, not the package root: the root also loads ast-utils, ts-eslint and ts-estree
// (~0.1 s at ESLint start-up, measured); only RuleCreator is needed at run time.
import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import { checkInfo } from '../checks/catalogue.js';
import { applySuppressions } from '../checks/suppression-comment.js';
import type { Finding } from '../findings.js';
import { collectingListeners, lintContextFor } from './lint-context.js';
import type { Check } from '../checks/check.js';
import type { CheckInput } from '../checks/check.js';
import type { TS } from '../ts.js';
import type { Workspace } from '../workspace/open-workspace.js';
import { typedProgramFor } from './typed-program.js';

const DOCS_BASE_URL = 'https://github.com/feature-lifecycle/feature-lifecycle/blob/main/docs/rules';

const policyErrorReported = new WeakSet<object>();

const createRule = RuleCreator((name) => `${DOCS_BASE_URL}/${name}.md`);

type RuleOptions = [{ policy?: string }];
/**
 * `finding` for most findings; `dueNext` and `overdue` for preview-deadline, so both stay apart at
 * one ESLint level; `needsTypes` for a type-aware rule linting without type information;
 * `notChecked` when the project could not be listed within the budget.
 */
type MessageIds = 'finding' | 'policyError' | 'notChecked' | 'dueNext' | 'overdue' | 'needsTypes';

interface LifecycleRuleSpec {
  check: Check;
  /** Message ids of the rule's own besides `finding` (all show the finding's message). */
  extraMessageIds?: readonly Exclude<MessageIds, 'finding' | 'policyError' | 'notChecked' | 'needsTypes'>[];
  /** The message id of a finding (default `finding`). */
  messageIdOf?: (finding: Finding) => MessageIds;
  /**
   * A fix for a finding (e.g. insert the label); receives the finding, the rule context and the
   * facts the finding came from (with the policy this rule uses: its option, settings, or nearest).
   */
  fix?: (finding: Finding, context: Readonly<TSESLint.RuleContext<MessageIds, RuleOptions>>, facts: CheckInput) => TSESLint.ReportFixFunction | undefined;
  /**
   * For a type-aware check (catalogue `typeAware`): the facts it needs from the TypeScript program
   * of typed linting (parser services), for the workspace of the linted file.
   */
  typedFacts?: (program: TS.Program, workspace: Workspace) => Partial<CheckInput>;
}

/**
 * An ESLint rule that runs one pure check of `lifecycle check` over facts extracted from the
 * linted file's ESTree, with the same resolver, classifier and suppressions as the CLI.
 */
export function createLifecycleRule(spec: LifecycleRuleSpec) {
  const id = spec.check.id;
  const info = checkInfo(id);
  const rule = createRule<RuleOptions, MessageIds>({
    name: id,
    meta: {
      type: 'problem',
      docs: { description: info?.description ?? id, ...(info?.typeAware ? { requiresTypeChecking: true } : {}) },
      ...(spec.fix ? { fixable: 'code' as const } : {}),
      messages: {
        finding: '{{message}}',
        policyError: 'lifecycle policy error: {{message}}',
        notChecked: 'lifecycle: this file is not checked: {{message}}',
        needsTypes: '{{message}}',
        ...Object.fromEntries((spec.extraMessageIds ?? []).map((messageId) => [messageId, '{{message}}'])),
      } as Record<MessageIds, string>,
      schema: [
        {
          type: 'object',
          properties: {
            policy: {
              type: 'string',
              minLength: 1,
              description: 'Path of lifecycle.yaml (absolute or relative to ESLint\'s cwd). Default: settings.lifecycle.policy, else the nearest lifecycle.yaml above the linted file.',
            },
          },
          additionalProperties: false,
        },
      ],
      defaultOptions: [{}],
    },
    defaultOptions: [{}],
    create: (context, [options]) => listenersFor(context, options.policy),
  });
  // RuleCreator's create() deep-merges the default options into a structuredClone for every rule
  // and every file (~65 ms of CPU over 2,000 files and four rules, measured with --cpu-prof). The
  // one option needs no merging, so it is read directly; ESLint has validated it against the schema.
  return { ...rule, create: (context: Readonly<TSESLint.RuleContext<MessageIds, RuleOptions>>) => listenersFor(context, context.options[0]?.policy) };

  function listenersFor(context: Readonly<TSESLint.RuleContext<MessageIds, RuleOptions>>, policy: string | undefined): TSESLint.RuleListener {
    return {
      ...collectingListeners(context, policy),
      'Program:exit'() {
        const lint = lintContextFor(context, policy);
        if (lint.kind === 'none') return;
        if (lint.kind === 'policy-error' || lint.kind === 'not-checked') {
          // One report per file, from whichever lifecycle rule runs first.
          if (policyErrorReported.has(context.sourceCode)) return;
          policyErrorReported.add(context.sourceCode);
          context.report({ loc: { line: 1, column: 0 }, messageId: lint.kind === 'policy-error' ? 'policyError' : 'notChecked', data: { message: lint.message } });
          return;
        }
        if (lint.facts.policy.severities[id] === 'off') return;
        let facts = lint.facts;
        if (spec.typedFacts) {
          const program = (context.sourceCode.parserServices as { program?: TS.Program | null } | undefined)?.program;
          const typed = program ? typedProgramFor(program, context.filename, context.sourceCode.text) : { problem: 'needs type information: set languageOptions.parserOptions.projectService (or project) for @typescript-eslint/parser' };
          if ('problem' in typed) {
            context.report({ loc: { line: 1, column: 0 }, messageId: 'needsTypes', data: { message: `lifecycle/${id} ${typed.problem}` } });
            return;
          }
          facts = { ...facts, ...spec.typedFacts(typed.program, lint.workspace) };
        }
        const own = spec.check.run(facts).filter((finding) => finding.file === lint.file.file);
        if (own.length === 0) return;
        const kept = applySuppressions(own, new Map([[lint.file.file, lint.suppressions]])).filter((finding) => finding.rule === id);
        for (const finding of kept) {
          const fix = spec.fix?.(finding, context, facts);
          context.report({
            loc: { line: finding.line, column: finding.column - 1 },
            messageId: spec.messageIdOf?.(finding) ?? 'finding',
            data: { message: finding.message },
            ...(fix ? { fix } : {}),
          });
        }
      },
    };
  }
}
