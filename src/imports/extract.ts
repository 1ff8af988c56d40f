import { ts } from '../ts.js';

export type ImportForm =
  | 'import'
  | 'import-type'
  | 'side-effect'
  | 'export-from'
  | 'dynamic-import'
  | 'require'
  | 'import-equals'
  | 'type-query';

/** One import of a module, as written. */
export interface ImportSite {
  /** The module specifier; undefined for a dynamic import whose argument is not a literal. */
  specifier: string | undefined;
  form: ImportForm;
  /** True when only types cross the edge (erased at runtime). */
  typeOnly: boolean;
  /**
   * True when the import is type-only only because each specifier is marked `type`
   * (`import { type A } from`): with verbatimModuleSyntax the import itself stays at runtime.
   */
  typeOnlyBySpecifiers: boolean;
  /** Position of the specifier literal (or of the call, for non-literal imports), 1-based. */
  line: number;
  column: number;
  /** Lines of the whole statement, so a suppression above it covers a multi-line import. */
  statementStartLine: number;
  statementEndLine: number;
}

export interface ParseProblem {
  line: number;
  column: number;
  message: string;
}

export interface ExtractedImports {
  imports: ImportSite[];
  /**
   * [start, end) offsets of string, template and JSX text literals, so a suppression directive
   * written inside a string is not taken for a comment. Collected only when the text mentions one.
   */
  literalRanges: [number, number][];
  /** The first syntax error, if any (the rest of the file is still analysed). */
  syntaxError: ParseProblem | undefined;
}

export const SUPPRESSION_DIRECTIVE = 'lifecycle-disable-next-line';
const DYNAMIC_HINT = /\b(?:import|require)\s*\(|\bimport\s*\(/;

/** Finds every import of a TypeScript/JavaScript file with TypeScript's own parser. */
export function extractImports(fileName: string, text: string): ExtractedImports {
  const source = ts.createSourceFile(
    fileName,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    scriptKindOf(fileName),
  );
  const imports: ImportSite[] = [];
  const position = (node: ts.Node) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return { line: line + 1, column: character + 1 };
  };
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  let statement: ts.Node = source;
  /** `spanNode`: what a suppression above it covers (the declaration, or the import() call). */
  const add = (
    specifierNode: ts.Node,
    specifier: string | undefined,
    form: ImportForm,
    typeOnly: boolean,
    typeOnlyBySpecifiers = false,
    spanNode: ts.Node = statement,
  ) => {
    const at = position(specifierNode);
    imports.push({
      specifier,
      form,
      typeOnly,
      typeOnlyBySpecifiers,
      ...at,
      statementStartLine: lineOf(spanNode.getStart(source)),
      statementEndLine: spanNode === statement ? lineOf(statement.getEnd()) : at.line,
    });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const form: ImportForm = clause ? 'import' : 'side-effect';
      const typeOnly = isTypeOnlyImport(clause);
      add(node.moduleSpecifier, node.moduleSpecifier.text, clause?.isTypeOnly ? 'import-type' : form, typeOnly, typeOnly && !clause?.isTypeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = isTypeOnlyExport(node);
      add(node.moduleSpecifier, node.moduleSpecifier.text, 'export-from', typeOnly, typeOnly && !node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      add(expression, ts.isStringLiteral(expression) ? expression.text : undefined, 'import-equals', node.isTypeOnly);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) {
        add(argument.literal, argument.literal.text, 'type-query', true, false, node);
      }
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require' && node.arguments.length === 1;
      if (isDynamicImport || isRequire) {
        const argument = node.arguments[0];
        const literal = argument && (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) ? argument : undefined;
        // A non-literal require() is usually not a module import we can know; a non-literal
        // import() is counted as unresolved so the user hears about it.
        if (literal || isDynamicImport) {
          add(literal ?? node, literal?.text, isDynamicImport ? 'dynamic-import' : 'require', false, false, node);
        }
      }
    }
    ts.forEachChild(node, visit);
  };

  const literalRanges: [number, number][] = [];
  if (text.includes(SUPPRESSION_DIRECTIVE)) {
    const collect = (node: ts.Node): void => {
      if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node) || ts.isRegularExpressionLiteral(node)) {
        literalRanges.push([node.getStart(source), node.getEnd()]);
      }
      ts.forEachChild(node, collect);
    };
    collect(source);
  }
  const deep = DYNAMIC_HINT.test(text) || text.includes('import(') || text.includes('typeof import');
  for (const topLevel of source.statements) {
    statement = topLevel;
    if (deep || isImportLike(topLevel) || ts.isModuleDeclaration(topLevel)) visit(topLevel);
  }
  return { imports, literalRanges, syntaxError: firstSyntaxError(source) };
}

function isImportLike(node: ts.Node): boolean {
  return ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportEqualsDeclaration(node);
}

/** `import type {…}`, or `import { type A, type B }` where every specifier is type-only. */
function isTypeOnlyImport(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly);
}

function firstSyntaxError(source: ts.SourceFile): ParseProblem | undefined {
  const diagnostics = (source as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (!first) return undefined;
  const { line, character } = source.getLineAndCharacterOfPosition(first.start);
  return { line: line + 1, column: character + 1, message: ts.flattenDiagnosticMessageText(first.messageText, ' ') };
}

export function scriptKindOf(fileName: string): ts.ScriptKind {
  if (/\.[mc]?tsx$/.test(fileName) || fileName.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.(d\.)?[mc]?ts$/.test(fileName)) return ts.ScriptKind.TS;
  if (fileName.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}
