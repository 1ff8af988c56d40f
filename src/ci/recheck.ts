/**
 * Which recheck requests a CI system answers. Gerrit users address one CI among several:
 * `recheck-acme` or `recheck acme` asks only Acme CI to run again; a plain `recheck` asks
 * every CI. A request is matched against the system's recheck pattern, then its addressee
 * (if any) against the identities of the configured systems. Pure.
 */

import type { TextMatcher } from './patterns.js';

const ADDRESSED = /^\s*(?:recheck|reverify|re-?run|retest)(?:-([\w.-]+)(?:\s.*)?|\s+(\S.*))?$/i;

function normalize(identity: string): string {
  return identity
    .toLowerCase()
    .replace(/@.*$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The forms an identity may be addressed by: `Acme CI` → `acme-ci`, `acme`. */
function addressForms(identities: readonly string[]): Set<string> {
  const forms = new Set<string>();
  for (const identity of identities) {
    const form = normalize(identity);
    if (form === '') continue;
    forms.add(form);
    const short = form.replace(/-(ci|bot|cd)$/, '');
    if (short !== '' && short !== form) forms.add(short);
  }
  return forms;
}

/** The longest form that `rest` starts with at a word boundary, if any. */
function leadingForm(rest: string, forms: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  for (const form of forms) {
    if ((rest === form || rest.startsWith(`${form}-`)) && (best === undefined || form.length > best.length)) best = form;
  }
  return best;
}

/**
 * A rule for one system: `pattern` must match, and a request addressed to a CI counts only for
 * that CI. `own` are the system's name and aliases, `others` those of every other configured
 * system (and the reference gate). With `explicit`, the system's own pattern decides alone.
 */
export function recheckRule(pattern: TextMatcher, own: readonly string[], others: readonly string[], explicit = false): TextMatcher {
  if (explicit) return pattern;
  const ownForms = addressForms(own);
  const otherForms = addressForms(others);
  const all = new Set([...ownForms, ...otherForms]);
  return {
    source: pattern.source,
    test(text: string): boolean {
      if (!pattern.test(text)) return false;
      const m = ADDRESSED.exec(text);
      if (!m) return true;
      if (m[1] !== undefined) return ownForms.has(normalize(m[1]));
      if (m[2] === undefined) return true;
      const addressee = leadingForm(normalize(m[2]), all);
      return addressee === undefined || ownForms.has(addressee);
    },
  };
}
