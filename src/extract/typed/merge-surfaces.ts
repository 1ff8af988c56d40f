import type { ApiDeclaration, ApiSurfaceFacts } from '../../facts/api-surface.js';

/**
 * One surface from several programs' (one per tsconfig project): a declaration seen by two
 * programs (a package both import) is one declaration, with the references either saw.
 */
export function mergeApiSurfaces(surfaces: readonly ApiSurfaceFacts[]): ApiSurfaceFacts {
  const declarations: { declaration: ApiDeclaration; references: Map<string, { to: number; via: string }>; unresolved: Map<string, ApiDeclaration['unresolved'][number]> }[] = [];
  const byKey = new Map<string, number>();
  const exports: ApiSurfaceFacts['exports'][number][] = [];
  const exported = new Set<string>();
  const problems: ApiSurfaceFacts['problems'][number][] = [];
  for (const surface of surfaces) {
    const indexes = surface.declarations.map((declaration) => {
      const key = `${declaration.file}\0${declaration.line}\0${declaration.column}\0${declaration.name}`;
      let index = byKey.get(key);
      if (index === undefined) {
        index = declarations.length;
        byKey.set(key, index);
        declarations.push({ declaration, references: new Map(), unresolved: new Map() });
      }
      return index;
    });
    surface.declarations.forEach((declaration, local) => {
      const merged = declarations[indexes[local]!]!;
      for (const reference of declaration.references) {
        const to = indexes[reference.to]!;
        merged.references.set(`${to}\0${reference.via}`, { to, via: reference.via });
      }
      for (const unresolved of declaration.unresolved) merged.unresolved.set(`${unresolved.file}:${unresolved.line}:${unresolved.column}\0${unresolved.via}`, unresolved);
    });
    for (const entry of surface.exports) {
      const key = `${entry.entryPoint}\0${entry.name}`;
      if (exported.has(key)) continue;
      exported.add(key);
      exports.push({ ...entry, declaration: indexes[entry.declaration]! });
    }
    problems.push(...surface.problems);
  }
  return {
    declarations: declarations.map(({ declaration, references, unresolved }) => ({ ...declaration, references: [...references.values()], unresolved: [...unresolved.values()] })),
    exports: exports.sort((a, b) => (a.entryPoint < b.entryPoint ? -1 : a.entryPoint > b.entryPoint ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    problems,
  };
}
