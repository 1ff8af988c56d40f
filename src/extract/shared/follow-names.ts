import type { ChainLink, FollowedName, ImportBinding, NameEnd, NamespaceUse } from '../../facts/declarations.js';
import type { ImportForm, ImportTarget } from '../../facts/source-file.js';
import type { DeclarationIndex } from './declaration-index.js';

/**
 * The names an import site brings in, followed through re-export chains to their declarations
 * (the facts the name-following `no-preview-import` judges). Only sites into project files that are
 * not preview code (a preview file is reported as a whole), and only names that can lead to a
 * preview declaration (DeclarationIndex.mayMatter): the rest end where they are, stable.
 *
 * - `import { a as b }`, `import d`, `export { a } from`: the name, at its specifier.
 * - `import * as ns` (and a named import of an `export * as ns`): each member use `ns.x`, `ns['x']`,
 *   at the member; a namespace used whole (passed on, spread, a computed member) stands for every
 *   name of the module, at the use.
 * - `export * from`, `export * as ns from`: every name of the module, at the module specifier.
 */
interface SiteToFollow {
  form: ImportForm;
  bindings: readonly ImportBinding[] | undefined;
  target: ImportTarget;
}

/** `uses(locals)`: the namespace uses of these local bindings in the file (computed only when needed). */
export function followSiteNames(index: DeclarationIndex, site: SiteToFollow, uses: (locals: ReadonlySet<string>) => readonly NamespaceUse[]): FollowedName[] | undefined {
  const { target, bindings } = site;
  if (!bindings || target.kind !== 'file' || target.class.zone === 'preview') return undefined;
  const module = target.file;
  const followed: FollowedName[] = [];
  const namespaces = new Map<string, Namespace>();
  for (const binding of bindings) {
    const at = { line: binding.line, column: binding.column, typeOnly: binding.typeOnly };
    if (binding.imported === '*' && site.form === 'export-from') {
      if (!index.moduleMayMatter(module)) continue;
      followed.push({ name: binding.local ?? '*', ...at, ends: [...index.moduleNames(module).values()] });
    } else if (binding.imported === '*') {
      if (binding.local !== undefined && index.moduleMayMatter(module)) namespaces.set(binding.local, { module, typeOnly: binding.typeOnly, chain: [] });
    } else if (index.mayMatter(module, binding.imported)) {
      const end = index.resolve(module, binding.imported) ?? { unresolved: `${module} does not export "${binding.imported}"`, chain: [] };
      const namespace = 'declaration' in end && end.declaration.declarationKind === 'namespace' && end.declaration.name === '*' ? end.declaration.file : undefined;
      if (namespace !== undefined && binding.local !== undefined) {
        if (index.moduleMayMatter(namespace)) namespaces.set(binding.local, { module: namespace, typeOnly: binding.typeOnly || ('typeOnly' in end && end.typeOnly), chain: end.chain });
      } else {
        followed.push({ name: binding.imported, ...at, ends: [end] });
      }
    }
  }
  if (namespaces.size > 0) followed.push(...followNamespaceUses(index, namespaces, uses(new Set(namespaces.keys()))));
  return followed;
}

/** A namespace binding: the module it stands for, and the re-exports passed on the way (`export * as ns`). */
interface Namespace {
  module: string;
  typeOnly: boolean;
  chain: ChainLink[];
}

function followNamespaceUses(index: DeclarationIndex, namespaces: ReadonlyMap<string, Namespace>, uses: readonly NamespaceUse[]): FollowedName[] {
  const withChain = (end: NameEnd, chain: readonly ChainLink[]): NameEnd => ({ ...end, chain: [...chain, ...end.chain] });
  return uses.flatMap((use) => {
    const namespace = namespaces.get(use.namespace);
    if (!namespace) return [];
    const at = { line: use.line, column: use.column, typeOnly: namespace.typeOnly };
    if (use.member === undefined) return [{ name: use.namespace, ...at, ends: [...index.moduleNames(namespace.module).values()].map((end) => withChain(end, namespace.chain)) }];
    if (!index.mayMatter(namespace.module, use.member)) return [];
    const end: NameEnd = index.resolve(namespace.module, use.member) ?? { unresolved: `${namespace.module} does not export "${use.member}"`, chain: [] };
    return [{ name: `${use.namespace}.${use.member}`, ...at, ends: [withChain(end, namespace.chain)] }];
  });
}
