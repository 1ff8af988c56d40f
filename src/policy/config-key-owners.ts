import type { Feature } from './model.js';

/**
 * `features.<id>.config` patterns are dotted key paths: `*` is one segment (or part of one:
 * `ipsec_*`), `**` any number of segments (zero included). A key belongs to a feature when the
 * pattern matches the key's path or the path of one of its sections (so `fwaas` covers every key
 * under `fwaas`).
 *
 * In `.env` files a name like `VPNAAS_IPSEC_DRIVER` cannot say which `_` separates sections and
 * which joins words, so there `_` and `.` are the same separator and `*` matches one or more
 * words: `vpnaas.*` and `vpnaas.ipsec_driver` both match `VPNAAS_IPSEC_DRIVER`. INI and `.env`
 * keys are matched case-insensitively (oslo.config and shells read them so); other formats are
 * case-sensitive.
 */
type KeyMatcher = (path: readonly string[]) => boolean;

/**
 * The format of the file a key is in, as the config extractor names it (`yaml`, `json`, `ini`,
 * `env`, …); only `ini` and `env` change how patterns match. A plain string here, so the policy
 * layer needs nothing from the facts layer.
 */
type KeyFileFormat = string;

/** Compiles one pattern for keys of one format; the matcher takes the key path split at dots. */
export function compileConfigPattern(pattern: string, format: KeyFileFormat | undefined): KeyMatcher {
  const loose = format === 'env';
  const flags = format === 'ini' || loose ? 'i' : '';
  const tokens = (loose ? pattern.replace(/_/g, '.') : pattern)
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) => (segment === '**' || segment === '*' ? segment : new RegExp(`^${segment.split('*').map(escape).join('.*')}$`, flags)));
  const match = (token: number, at: number, path: readonly string[]): boolean => {
    if (token === tokens.length) return at === path.length;
    const current = tokens[token]!;
    if (current === '**') {
      for (let next = at; next <= path.length; next++) if (match(token + 1, next, path)) return true;
      return false;
    }
    if (at >= path.length) return false;
    if (current === '*') {
      if (!loose) return match(token + 1, at + 1, path);
      for (let next = at + 1; next <= path.length; next++) if (match(token + 1, next, path)) return true;
      return false;
    }
    return current.test(path[at]!) && match(token + 1, at + 1, path);
  };
  return (path) => match(0, 0, path);
}

interface KeyOwner {
  feature: Feature;
  pattern: string;
}

/**
 * The feature a key belongs to: preview features first, then the others, each in id order; the
 * first pattern that matches the key or one of its sections decides. Removed features own no keys.
 */
export class ConfigKeyOwners {
  private readonly compiled = new Map<KeyFileFormat | undefined, { owner: KeyOwner; matches: KeyMatcher }[]>();
  private readonly ordered: Feature[];

  constructor(features: readonly Feature[]) {
    this.ordered = [
      ...features.filter((feature) => feature.status === 'preview'),
      ...features.filter((feature) => feature.status === 'stable' || feature.status === 'deprecated'),
    ];
  }

  ownerOf(path: readonly string[], format: KeyFileFormat | undefined): KeyOwner | undefined {
    const segments = path.flatMap((segment) => segment.split('.'));
    const prefixes = segments.map((_, index) => segments.slice(0, index + 1));
    for (const { owner, matches } of this.patternsFor(format)) {
      if (prefixes.some((prefix) => matches(prefix))) return owner;
    }
    return undefined;
  }

  private patternsFor(format: KeyFileFormat | undefined): { owner: KeyOwner; matches: KeyMatcher }[] {
    let list = this.compiled.get(format);
    if (!list) {
      list = this.ordered.flatMap((feature) =>
        feature.config.map((pattern) => ({ owner: { feature, pattern }, matches: compileConfigPattern(pattern, format) })),
      );
      this.compiled.set(format, list);
    }
    return list;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
