import type { TS, TypeScript } from '../../ts.js';
import type { DeclarationKind, DocTagFact, ExportEntry, ExportTable, LocalExport } from '../../facts/declarations.js';

/**
 * The export table of one file, read from its text with TypeScript's parser (doc comments
 * included): the one reader of export tables, used by `lifecycle check` and the ESLint rules
 * alike (ESLint has the tree of the linted file only, never of the files it imports). `ts` is the
 * caller's TypeScript: the bundled one in the CLI, the one ESLint's parser loaded in the editor.
 *
 * Read: exported declarations (functions, classes, variables, types, interfaces, enums,
 * namespaces; `export default …`), `export { a as b }` of local declarations and of imported
 * bindings (a re-export in effect), `export { x } from`, `export * as ns from`, `export * from`.
 * `export =` and a syntax error make the table unlisted (the caller fails closed).
 */
export function readExportTable(ts: TypeScript, fileName: string, text: string): ExportTable {
  // A `{@link x}` in a doc comment is written out by walking the link's parents up to the file
  // (ts.getTextOfJSDocComment): such a text is parsed with every parent linked.
  const linkAll = text.includes('@link');
  // Doc comments are read for their tags: a text without an `@` has none, and skips that parse.
  const jsDocParsingMode = text.includes('@') ? ts.JSDocParsingMode.ParseAll : ts.JSDocParsingMode.ParseNone;
  const source = ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode }, linkAll, scriptKind(ts, fileName));
  if (!linkAll) linkTopLevelParents(ts, source);
  const position = (node: TS.Node) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return { line: line + 1, column: character + 1 };
  };
  const tagsOf = (node: TS.Node): DocTagFact[] =>
    ts.getJSDocTags(node).map((tag) => ({ tag: `@${tag.tagName.text}`, text: ts.getTextOfJSDocComment(tag.comment) ?? '' }));
  const entries: ExportEntry[] = [];
  /** Top-level declarations by local name (for `export { a }`), and imported bindings. */
  const locals = new Map<string, { node: TS.Node; kind: DeclarationKind }[]>();
  const imported = new Map<string, { imported: string; specifier: string; typeOnly: boolean }>();
  const exportLists: TS.ExportDeclaration[] = [];
  const local = (name: string, node: TS.Node, kind: DeclarationKind, tagNode: TS.Node = node, at: TS.Node = node): LocalExport => ({
    kind: 'local',
    name,
    declarationKind: kind,
    ...position(at),
    tags: tagsOf(tagNode),
  });
  let unlisted: string | undefined;

  for (const statement of source.statements) {
    const exported = hasModifier(ts, statement, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(ts, statement, ts.SyntaxKind.DefaultKeyword);
    const kind = declarationKindOf(ts, statement);
    if (kind !== undefined && !ts.isVariableStatement(statement)) {
      const nameNode = (statement as TS.DeclarationStatement).name;
      const name = nameNode && (ts.isIdentifier(nameNode) || ts.isStringLiteral(nameNode)) ? nameNode.text : undefined;
      if (name !== undefined) locals.set(name, [...(locals.get(name) ?? []), { node: statement, kind }]);
      // A global augmentation or an ambient module (`declare module 'x'`) exports nothing of this file.
      if (ts.isModuleDeclaration(statement) && !ts.isIdentifier(statement.name)) continue;
      if (exported && isDefault) entries.push(local('default', statement, kind, statement, nameNode ?? statement));
      else if (exported && name !== undefined) entries.push(local(name, statement, kind, statement, nameNode!));
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        for (const name of bindingNames(ts, declaration.name)) {
          locals.set(name.text, [...(locals.get(name.text) ?? []), { node: declaration, kind: 'variable' }]);
          // The doc comment sits on the statement: it covers every variable it declares.
          if (exported) entries.push(local(name.text, declaration, 'variable', statement, name));
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      if (statement.isExportEquals) unlisted = '`export =` (the names it exports are not listed)';
      else entries.push(local('default', statement, 'expression'));
    } else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.importClause) {
      const clause = statement.importClause;
      const specifier = statement.moduleSpecifier.text;
      if (clause.name) imported.set(clause.name.text, { imported: 'default', specifier, typeOnly: clause.isTypeOnly });
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) imported.set(named.name.text, { imported: '*', specifier, typeOnly: clause.isTypeOnly });
      else if (named) {
        for (const element of named.elements) imported.set(element.name.text, { imported: (element.propertyName ?? element.name).text, specifier, typeOnly: clause.isTypeOnly || element.isTypeOnly });
      }
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        const specifier = statement.moduleSpecifier.text;
        const clause = statement.exportClause;
        if (!clause) entries.push({ kind: 'star', specifier, typeOnly: statement.isTypeOnly, ...position(statement.moduleSpecifier) });
        else if (ts.isNamespaceExport(clause)) entries.push({ kind: 'reexport', name: clause.name.text, imported: '*', specifier, typeOnly: statement.isTypeOnly, ...position(clause) });
        else {
          for (const element of clause.elements) {
            entries.push({ kind: 'reexport', name: element.name.text, imported: (element.propertyName ?? element.name).text, specifier, typeOnly: statement.isTypeOnly || element.isTypeOnly, ...position(element) });
          }
        }
      } else {
        exportLists.push(statement);
      }
    }
  }
  // `export { a as b }` after the declarations are known (it may precede them).
  for (const statement of exportLists) {
    const clause = statement.exportClause;
    if (!clause || !ts.isNamedExports(clause)) continue;
    for (const element of clause.elements) {
      const name = element.name.text;
      const localName = (element.propertyName ?? element.name).text;
      const binding = imported.get(localName);
      if (binding) {
        entries.push({ kind: 'reexport', name, imported: binding.imported, specifier: binding.specifier, typeOnly: binding.typeOnly || statement.isTypeOnly || element.isTypeOnly, ...position(element) });
        continue;
      }
      const declared = locals.get(localName) ?? [];
      const tags = [...tagsOf(statement), ...declared.flatMap(({ node }) => tagsOf(node))];
      entries.push({ kind: 'local', name, declarationKind: declared[0]?.kind ?? 'variable', ...position(element), tags });
    }
  }
  const syntaxError = (source as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics?.length ? 'a syntax error' : undefined;
  unlisted ??= syntaxError;
  return { entries: mergeOverloads(entries), ...(unlisted ? { unlisted } : {}) };
}

/** Overloads and merged declarations (`function f(); function f(x)`, `interface A` + `const A`) are one export, with every tag. */
function mergeOverloads(entries: ExportEntry[]): ExportEntry[] {
  const byName = new Map<string, LocalExport>();
  const merged: ExportEntry[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'local') {
      merged.push(entry);
      continue;
    }
    const first = byName.get(entry.name);
    if (first) first.tags.push(...entry.tags.filter((tag) => !first.tags.some((known) => known.tag === tag.tag && known.text === tag.text)));
    else {
      byName.set(entry.name, entry);
      merged.push(entry);
    }
  }
  return merged;
}

/**
 * Parent links for the nodes whose doc tags are read (statements, and the declarations of
 * variable statements), which `ts.getJSDocTags` walks up through. Parsing with
 * `setParentNodes` would link every node of every function body: about a fifth of the parse,
 * measured, for links this reader never follows.
 */
function linkTopLevelParents(ts: TypeScript, source: TS.SourceFile): void {
  type Linked = { parent: TS.Node };
  for (const statement of source.statements) {
    (statement as unknown as Linked).parent = source;
    if (ts.isVariableStatement(statement)) {
      const list = statement.declarationList;
      (list as unknown as Linked).parent = statement;
      for (const declaration of list.declarations) (declaration as unknown as Linked).parent = list;
    }
  }
}

function hasModifier(ts: TypeScript, node: TS.Node, kind: TS.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === kind);
}

function declarationKindOf(ts: TypeScript, node: TS.Node): DeclarationKind | undefined {
  if (ts.isFunctionDeclaration(node)) return 'function';
  if (ts.isClassDeclaration(node)) return 'class';
  if (ts.isInterfaceDeclaration(node)) return 'interface';
  if (ts.isTypeAliasDeclaration(node)) return 'type';
  if (ts.isEnumDeclaration(node)) return 'enum';
  if (ts.isModuleDeclaration(node)) return 'namespace';
  if (ts.isVariableStatement(node)) return 'variable';
  return undefined;
}

/** The identifiers a binding pattern declares (`const { a, b: [c] } = …` declares a and c). */
function bindingNames(ts: TypeScript, name: TS.BindingName): TS.Identifier[] {
  if (ts.isIdentifier(name)) return [name];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(ts, element.name)));
}

function scriptKind(ts: TypeScript, fileName: string): TS.ScriptKind {
  if (/\.[mc]?tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.[mc]?ts$/.test(fileName)) return ts.ScriptKind.TS;
  if (/\.[mc]?jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}
