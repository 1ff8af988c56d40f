/** Where the project lives; rule docs are under docs/rules/ of its default branch. */
export const TOOL_INFORMATION_URI = 'https://github.com/feature-lifecycle/feature-lifecycle';
const RULE_DOCS_BASE_URI = `${TOOL_INFORMATION_URI}/blob/main/docs/rules/`;

/** The documentation page of a check id (docs/rules/<id>.md). */
export function ruleHelpUri(id: string): string {
  return `${RULE_DOCS_BASE_URI}${encodeURIComponent(id)}.md`;
}
