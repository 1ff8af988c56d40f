import type { ProjectFacts } from '../facts/project.js';
import type { Finding } from '../findings.js';
import type { Policy } from '../policy/model.js';

/** What every check reads: the facts an extractor produced, and the policy they are judged by. */
export interface CheckInput extends ProjectFacts {
  policy: Policy;
}

/** A pure check: facts and policy in, findings (with the check's own severity) out. */
export interface Check {
  id: string;
  run(input: CheckInput): Finding[];
}
