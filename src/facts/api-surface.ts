// Facts about the public API of a project's stable entry points, as TypeScript's checker sees
// it: every declaration its exported declarations expose, and what each one's public shape
// refers to. The typed extractor (src/extract/typed/) produces them; preview-api-leak judges
// them. This module imports nothing.

/** One doc-comment tag as written: `@preview otlp` is `{ tag: '@preview', text: 'otlp' }`. */
export interface ApiDocTag {
  tag: string;
  text: string;
}

/** A place in a project file, 1-based. */
export interface ApiPlace {
  file: string;
  line: number;
  column: number;
}

/** A named declaration in the public shape of an entry point (an interface, a function, a class…). */
export interface ApiDeclaration extends ApiPlace {
  /** Its name as declared (`default` for an anonymous default export). */
  name: string;
  /** Its doc-comment tags (every declaration of a merged symbol). */
  tags: readonly ApiDocTag[];
  /** The class of the file that declares it. */
  fileClass: { zone: 'preview' | 'stable' | 'outside'; feature?: string | undefined };
  /**
   * The declarations its public shape refers to (parameter and return types, members, index
   * signatures, type arguments, extends/implements, alias bodies, enum and namespace members),
   * by index into `ApiSurfaceFacts.declarations`; `via` is the member path from it (`.transport`,
   * `[string]`, '' for a signature, heritage clause or alias body).
   */
  references: readonly { to: number; via: string }[];
  /** Types in its public shape that did not resolve (an error type: a missing module or name). */
  unresolved: readonly (ApiPlace & { via: string })[];
}

/** A name an entry point exports, and the declaration it leads to. */
export interface ApiExport {
  /** The entry point file (project-relative). */
  entryPoint: string;
  /** The name it is exported under. */
  name: string;
  declaration: number;
}

export interface ApiSurfaceFacts {
  declarations: readonly ApiDeclaration[];
  exports: readonly ApiExport[];
  /** What could not be read at all (an entry point with no source, a re-export that does not resolve, a bound hit). */
  problems: readonly (ApiPlace & { message: string })[];
}
