/**
 * Specifiers that never name a file of the project, whatever the runtime: registry packages
 * (`jsr:`, `npm:`), Node builtins (`node:`), remote modules (`https:`, `http:`, never fetched) and
 * inline modules (`data:`).
 */
export type ExternalSpecifier =
  /** `jsr:@scope/name@^1/sub`, `npm:name@5/sub` (a leading `/` after the scheme allowed, as Deno writes it). */
  | { scheme: 'jsr' | 'npm'; packageName: string; version: string | undefined; subpath: string }
  | { scheme: 'node'; packageName: string }
  | { scheme: 'https' | 'http' | 'data'; packageName: string };

const SCHEME = /^(jsr|npm|node|https|http|data):/i;

/** The external specifier a string is, or undefined when it is none of those schemes. */
export function parseExternalSpecifier(specifier: string): ExternalSpecifier | undefined {
  const scheme = SCHEME.exec(specifier)?.[1]?.toLowerCase();
  if (scheme === undefined) return undefined;
  const rest = specifier.slice(scheme.length + 1);
  switch (scheme) {
    case 'jsr':
    case 'npm':
      return registryPackage(scheme, rest.replace(/^\//, ''));
    case 'node':
      return { scheme, packageName: `node:${rest.split('/')[0] ?? rest}` };
    case 'data':
      // The media type, not the whole URL (which holds the module's text).
      return { scheme, packageName: `data:${/^[^;,]*/.exec(rest)?.[0] ?? ''}` };
    default: {
      let url: URL;
      try {
        url = new URL(specifier);
      } catch {
        return { scheme: scheme as 'https' | 'http', packageName: specifier };
      }
      return { scheme: scheme as 'https' | 'http', packageName: `${url.origin}${url.pathname}` };
    }
  }
}

/** `@scope/name@1.2/sub/path` or `name@^5/sub`: the name, the version (if any) and the subpath (`.` or `./sub/path`). */
function registryPackage(scheme: 'jsr' | 'npm', body: string): ExternalSpecifier {
  const parts = body.split('/');
  const nameParts = body.startsWith('@') ? 2 : 1;
  const last = parts[nameParts - 1] ?? '';
  // The version follows the name's last part (`name@1`, `@scope/name@1`), never the scope's `@`.
  const at = last.indexOf('@', 0);
  const bareLast = at > 0 ? last.slice(0, at) : last;
  const version = at > 0 ? last.slice(at + 1) : undefined;
  const packageName = [...parts.slice(0, nameParts - 1), bareLast].join('/');
  const sub = parts.slice(nameParts).join('/');
  return { scheme, packageName, version, subpath: sub === '' ? '.' : `./${sub}` };
}
