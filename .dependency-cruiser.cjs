// The layering of src/ and rules/, as rules (CONTRIBUTING.md, "Layers"). .ci/run runs it through
// scripts/layering.ts (`npm run layering`): the violations that remain are listed in
// .dependency-cruiser-known-violations.json, each with the reason it stays, and the list may only
// shrink (after a fix, delete the entry: the check names stale ones); a new violation, a stale
// entry, an entry without a reason, or a list that grew in git history fails CI.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'no-orphans', severity: 'error', from: { orphan: true, pathNot: ['\\.d\\.ts$', '(^|/)index\\.ts$'] }, to: {} },
    { name: 'facts-depend-on-nothing', severity: 'error', from: { path: '^src/facts/' }, to: { path: '^src/', pathNot: ['^src/facts/'] } },
    { name: 'checks-use-facts-policy-findings-only', severity: 'error', from: { path: '^src/checks/' },
      to: { path: '^src/', pathNot: ['^src/checks/', '^src/facts/', '^src/policy/', '^src/findings\\.ts$'] } },
    { name: 'policy-at-the-bottom', severity: 'error', from: { path: '^src/policy/' },
      to: { path: '^src/', pathNot: ['^src/policy/', '^src/errors\\.ts$', '^src/project-path\\.ts$'] } },
    // Extractors (src/extract/{typescript,estree,shared}, the resolver in src/imports, config and doc
    // files) produce facts: they import facts, policy and the workspace, never what runs on facts.
    { name: 'extractors-never-import-checks-or-engine', severity: 'error', from: { path: '^src/(extract|imports|config-files|docs-files)/' },
      to: { path: '^src/(checks|engine|eslint|cli)/' } },
    // Loading a workspace (src/workspace/open-workspace.ts) serves the CLI engine and the ESLint runner alike.
    { name: 'workspace-never-imports-checks-engine-or-runners', severity: 'error', from: { path: '^src/workspace/' },
      to: { path: '^src/(checks|engine|eslint|cli)/' } },
    // The ESLint runner runs checks over facts from the shared extractors; it shares nothing with the CLI engine.
    { name: 'eslint-runner-never-imports-engine-or-cli', severity: 'error', from: { path: '^(src/eslint|rules)/|^src/eslint-plugin\\.ts$' },
      to: { path: '^src/(engine|cli)/' } },
    // Output formats (src/formats/{check,report,ci}) are pure functions of the result models.
    { name: 'reporters-import-result-models-only', severity: 'error', from: { path: '^src/formats/' },
      to: { path: '^src/', pathNot: ['^src/formats/', '^src/findings\\.ts$', '^src/report/model\\.ts$', '^src/ci/result\\.ts$'] } },
    { name: 'no-production-import-of-devdependency', severity: 'error', from: { path: '^(src|rules)/' }, to: { dependencyTypes: ['npm-dev'] } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js'] },
  },
};
