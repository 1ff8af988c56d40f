import type { ImportBinding } from '../../facts/declarations.js';
import type { FileProblem, ImportForm, ImportSite, LabelledText } from '../../facts/source-file.js';
import { bindingKind, labelledTextsOf, labelledTextsOfObject, OBJECT_SHAPE_DEPTH, type ArgShape, type ObjectArg, type CallShape, type LabelContext, type StringArg } from '../shared/label-calls.js';
import { SUPPRESSION_DIRECTIVE } from '../shared/suppression-directive.js';
import { bundledTypeScript, type TS, type TypeScript } from '../../ts.js';
import { DEEP_IMPORT_HINT } from '../../imports/deep-import-hint.js';
import type { ExtractedImports, ExtractOptions } from './extracted-imports.js';

/** Loaded on the first parse, so commands that never parse (ci-readiness, --help) do not pay for it. */
let ts: TypeScript;

/** Finds every import of a TypeScript/JavaScript file with TypeScript's own parser. */
export function parseImports(fileName: string, text: string, options: ExtractOptions = {}): ExtractedImports {
  ts ??= bundledTypeScript();
  const source = ts.createSourceFile(
    fileName,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    scriptKindOf(fileName),
  );
  const imports: ImportSite[] = [];
  const position = (node: TS.Node) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return { line: line + 1, column: character + 1 };
  };
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  /**
   * `spanNode`: what a suppression above it covers: a declaration (also one inside a
   * `declare module '…' { … }` block) to its last line, an import() call or type only its own line.
   */
  const add = (
    specifierNode: TS.Node,
    specifier: string | undefined,
    form: ImportForm,
    typeOnly: boolean,
    typeOnlyBySpecifiers: boolean,
    spanNode: TS.Node,
    bindings?: ImportBinding[],
  ) => {
    const at = position(specifierNode);
    const declaration = ts.isImportDeclaration(spanNode) || ts.isExportDeclaration(spanNode) || ts.isImportEqualsDeclaration(spanNode);
    imports.push({
      specifier,
      form,
      typeOnly,
      typeOnlyBySpecifiers,
      ...at,
      statementStartLine: lineOf(spanNode.getStart(source)),
      statementEndLine: declaration ? lineOf(spanNode.getEnd()) : at.line,
      ...(bindings ? { bindings } : {}),
    });
  };
  const binding = (node: TS.Node, imported: string, local: string | undefined, typeOnly: boolean): ImportBinding => ({ imported, local, ...position(node), typeOnly });
  const importBindings = (clause: TS.ImportClause): ImportBinding[] => {
    const bindings: ImportBinding[] = [];
    if (clause.name) bindings.push(binding(clause.name, 'default', clause.name.text, clause.isTypeOnly));
    const named = clause.namedBindings;
    if (named && ts.isNamespaceImport(named)) bindings.push(binding(named, '*', named.name.text, clause.isTypeOnly));
    else if (named) {
      for (const element of named.elements) {
        bindings.push(binding(element, (element.propertyName ?? element.name).text, element.name.text, clause.isTypeOnly || element.isTypeOnly));
      }
    }
    return bindings;
  };
  const exportBindings = (node: TS.ExportDeclaration & { moduleSpecifier: TS.StringLiteral }): ImportBinding[] => {
    const clause = node.exportClause;
    if (!clause) return [binding(node.moduleSpecifier, '*', undefined, node.isTypeOnly)];
    if (ts.isNamespaceExport(clause)) return [binding(node.moduleSpecifier, '*', clause.name.text, node.isTypeOnly)];
    return clause.elements.map((element) => binding(element, (element.propertyName ?? element.name).text, element.name.text, node.isTypeOnly || element.isTypeOnly));
  };

  const labelledTexts: LabelledText[] = [];
  const stringArg = (expression: TS.Node): StringArg | undefined => {
    const node = ts.isExpression(expression) ? unwrapped(expression) : expression;
    return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? { kind: 'string', text: node.text, ...position(node) } : undefined;
  };
  const objectShape = (node: TS.ObjectLiteralExpression, depth: number): ObjectArg => {
    const properties: Record<string, ArgShape> = Object.create(null) as Record<string, ArgShape>; // a `__proto__` key stays a key
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) continue;
      const key = property.name;
      const name = key && (ts.isIdentifier(key) || ts.isStringLiteral(key)) ? key.text : undefined;
      if (name === undefined) continue;
      // Shorthand properties, methods and accessors: present, but nothing to read.
      properties[name] = ts.isPropertyAssignment(property) ? argShape(property.initializer, depth + 1) : { kind: 'other' };
    }
    return { kind: 'object', properties };
  };
  const argShape = (expression: TS.Node, depth = 1): ArgShape => {
    const node = ts.isExpression(expression) ? unwrapped(expression) : expression;
    const literal = stringArg(node);
    if (literal) return literal;
    if (ts.isObjectLiteralExpression(node) && depth <= OBJECT_SHAPE_DEPTH) return objectShape(node, depth);
    return { kind: 'other' };
  };
  const calls: CallShape[] = [];
  const objects: ObjectArg[] = [];
  const bindings: LabelContext = { commandVariables: new Set(), routerVariables: new Set() };
  const shapeOf = (node: TS.CallExpression | TS.NewExpression): CallShape | undefined => {
    const callee = unwrapped(node.expression);
    const isMethod = ts.isPropertyAccessExpression(callee);
    const name = isMethod ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (name === undefined) return undefined;
    return {
      isNew: ts.isNewExpression(node),
      name,
      isMethod,
      receiverChain: isMethod ? receiverChain(callee.expression) : [],
      args: (node.arguments ?? []).map((argument) => argShape(argument)),
    };
  };
  const collectLabels = (node: TS.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const shape = shapeOf(node);
      if (shape) calls.push(shape);
    } else if (ts.isObjectLiteralExpression(node)) {
      objects.push(objectShape(node, 1));
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const init = unwrapped(node.initializer);
      const shape = ts.isCallExpression(init) || ts.isNewExpression(init) ? shapeOf(init) : undefined;
      const kind = shape && bindingKind(shape);
      if (kind === 'command') (bindings.commandVariables as Set<string>).add(node.name.text);
      if (kind === 'router') (bindings.routerVariables as Set<string>).add(node.name.text);
    }
  };

  const visit = (node: TS.Node): void => {
    if (options.labelledTexts) collectLabels(node);
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const form: ImportForm = clause ? 'import' : 'side-effect';
      const typeOnly = isTypeOnlyImport(clause);
      add(node.moduleSpecifier, node.moduleSpecifier.text, clause?.isTypeOnly ? 'import-type' : form, typeOnly, typeOnly && !clause?.isTypeOnly, node, clause && importBindings(clause));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = isTypeOnlyExport(node);
      add(node.moduleSpecifier, node.moduleSpecifier.text, 'export-from', typeOnly, typeOnly && !node.isTypeOnly, node, exportBindings(node as TS.ExportDeclaration & { moduleSpecifier: TS.StringLiteral }));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      add(expression, ts.isStringLiteral(expression) ? expression.text : undefined, 'import-equals', node.isTypeOnly, false, node);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) {
        add(argument.literal, argument.literal.text, 'type-query', true, false, node);
      }
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      // import('x'), and import.defer('x') / import.source('x') (a call of a meta-property)
      const isDynamicImport =
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isMetaProperty(callee) && callee.keywordToken === ts.SyntaxKind.ImportKeyword && callee.name.text !== 'meta');
      // ESTree has no parentheses, so `(require)('x')` and `require(('x'))` read as ESLint reads them.
      const bare = withoutParentheses(callee);
      const isRequire = ts.isIdentifier(bare) && bare.text === 'require' && node.arguments.length === 1;
      if (isDynamicImport || isRequire) {
        const argument = node.arguments[0] && withoutParentheses(node.arguments[0]);
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
    const collect = (node: TS.Node): void => {
      if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node) || ts.isRegularExpressionLiteral(node)) {
        literalRanges.push([node.getStart(source), node.getEnd()]);
      }
      ts.forEachChild(node, collect);
    };
    collect(source);
  }
  const deep = options.labelledTexts || DEEP_IMPORT_HINT.test(text);
  for (const topLevel of source.statements) {
    if (deep || isImportLike(topLevel) || ts.isModuleDeclaration(topLevel)) visit(topLevel);
  }
  for (const call of calls) labelledTexts.push(...labelledTextsOf(call, bindings));
  for (const object of objects) labelledTexts.push(...labelledTextsOfObject(object));
  labelledTexts.sort((a, b) => a.line - b.line || a.column - b.column);
  return { imports, literalRanges, syntaxError: firstSyntaxError(source), labelledTexts };
}

/** The expression inside any parentheses (which ESTree does not represent). */
function withoutParentheses(expression: TS.Expression): TS.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

/** `program.command('x').option` → receiver chain of `.option`: ['command', 'program']. */
function receiverChain(expression: TS.Expression): string[] {
  const names: string[] = [];
  let current: TS.Expression = unwrapped(expression);
  for (let depth = 0; depth < 32; depth += 1) {
    if (ts.isCallExpression(current)) {
      current = unwrapped(current.expression);
    } else if (ts.isPropertyAccessExpression(current)) {
      names.push(current.name.text);
      current = unwrapped(current.expression);
    } else if (ts.isElementAccessExpression(current)) {
      // `a[x]` adds nothing and goes on to `a`.
      current = unwrapped(current.expression);
    } else if (ts.isNewExpression(current)) {
      // new Command('x') and new commander.Command('x') both add "Command".
      const constructor = unwrapped(current.expression);
      if (ts.isIdentifier(constructor)) names.push(constructor.text);
      else if (ts.isPropertyAccessExpression(constructor)) names.push(constructor.name.text);
      break;
    } else {
      if (ts.isIdentifier(current)) names.push(current.text);
      break;
    }
  }
  return names;
}

/**
 * The expression under parentheses and type-only wrappers (`x!`, `x as T`, `x satisfies T`, `<T>x`):
 * ESTree has no parentheses, and src/extract/estree/estree-facts.ts (`unwrapped`) sees through the same
 * wrappers, so both extractors read the same calls.
 */
function unwrapped(node: TS.Expression): TS.Expression {
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

function isImportLike(node: TS.Node): boolean {
  return ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportEqualsDeclaration(node);
}

/** `import type {…}`, or `import { type A, type B }` where every specifier is type-only. */
function isTypeOnlyImport(clause: TS.ImportClause | undefined): boolean {
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

function isTypeOnlyExport(node: TS.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly);
}

function firstSyntaxError(source: TS.SourceFile): FileProblem | undefined {
  const diagnostics = (source as unknown as { parseDiagnostics?: TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (!first) return undefined;
  const { line, character } = source.getLineAndCharacterOfPosition(first.start);
  return { line: line + 1, column: character + 1, message: ts.flattenDiagnosticMessageText(first.messageText, ' ') };
}

function scriptKindOf(fileName: string): TS.ScriptKind {
  ts ??= bundledTypeScript();
  if (/\.[mc]?tsx$/.test(fileName) || fileName.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.(d\.)?[mc]?ts$/.test(fileName)) return ts.ScriptKind.TS;
  if (fileName.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}
