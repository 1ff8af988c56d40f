import { bundledTypeScript, type TS, type TypeScript } from '../../ts.js';
import type { NamespaceUse } from '../../facts/declarations.js';

let ts: TypeScript;

/**
 * The uses of namespace bindings in a file, with TypeScript's parser (asked for only when a
 * namespace can lead to a preview declaration, see src/extract/shared/follow-names.ts): `ns.x`,
 * `ns?.x`, `ns['x']`, `ns.X` in a type and `<ns.X>` are member uses (at the member); every other
 * occurrence of the name is the namespace used whole (at the name). Scopes are not told apart: a
 * local that shadows the binding counts as a use. src/extract/estree/namespace-uses.ts reads the
 * same uses from ESLint's tree.
 */
export function namespaceUsesOf(fileName: string, text: string, locals: ReadonlySet<string>): NamespaceUse[] {
  ts ??= bundledTypeScript();
  const kind = /\.[mc]?tsx$/.test(fileName) ? ts.ScriptKind.TSX : /\.[mc]?ts$/.test(fileName) ? ts.ScriptKind.TS : /\.[mc]?jsx$/.test(fileName) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kind);
  const uses: NamespaceUse[] = [];
  const at = (node: TS.Node) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return { line: line + 1, column: character + 1 };
  };
  const named = (node: TS.Node): node is TS.Identifier => ts.isIdentifier(node) && locals.has(node.text);
  const visit = (node: TS.Node, parent: TS.Node | undefined): void => {
    if (ts.isImportDeclaration(node) || (ts.isExportDeclaration(node) && node.moduleSpecifier)) return;
    if (ts.isPropertyAccessExpression(node) && named(node.expression) && ts.isIdentifier(node.name)) {
      uses.push({ namespace: node.expression.text, member: node.name.text, ...at(node.name) });
      return;
    }
    if (ts.isQualifiedName(node) && named(node.left)) {
      uses.push({ namespace: node.left.text, member: node.right.text, ...at(node.right) });
      return;
    }
    if (ts.isElementAccessExpression(node) && named(node.expression) && (ts.isStringLiteral(node.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(node.argumentExpression))) {
      uses.push({ namespace: node.expression.text, member: node.argumentExpression.text, ...at(node.argumentExpression) });
      return;
    }
    if (named(node) && !isNamePosition(node, parent)) uses.push({ namespace: node.text, member: undefined, ...at(node) });
    ts.forEachChild(node, (child) => visit(child, node));
  };
  visit(source, undefined);
  return uses;
}

/** An identifier that names a property, member or label rather than referring to a binding. */
function isNamePosition(node: TS.Identifier, parent: TS.Node | undefined): boolean {
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === node;
  if (ts.isQualifiedName(parent)) return parent.right === node;
  if (ts.isExportSpecifier(parent)) return parent.propertyName !== undefined && parent.name === node;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return parent.label === node;
  if (ts.isBindingElement(parent)) return parent.propertyName === node;
  if (
    ts.isPropertyAssignment(parent) ||
    ts.isMethodDeclaration(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isPropertySignature(parent) ||
    ts.isMethodSignature(parent) ||
    ts.isGetAccessorDeclaration(parent) ||
    ts.isSetAccessorDeclaration(parent) ||
    ts.isEnumMember(parent) ||
    ts.isJsxAttribute(parent)
  ) {
    return parent.name === node;
  }
  return false;
}
