import type { TSESTree } from '@typescript-eslint/utils';
import type { NamespaceUse } from '../../facts/declarations.js';

type Node = TSESTree.Node;

/**
 * The uses of namespace bindings in the linted file, from ESLint's tree: the same uses that
 * src/extract/typescript/namespace-uses.ts reads with TypeScript's parser (member uses `ns.x`,
 * `ns?.x`, `ns['x']`, `ns.X` in a type, `<ns.X>`; every other occurrence is the namespace used whole).
 */
export function estreeNamespaceUses(program: TSESTree.Program, visitorKeys: Record<string, readonly string[] | undefined>, locals: ReadonlySet<string>): NamespaceUse[] {
  const uses: NamespaceUse[] = [];
  const at = (node: Node) => ({ line: node.loc.start.line, column: node.loc.start.column + 1 });
  const named = (node: Node): node is TSESTree.Identifier => node.type === 'Identifier' && locals.has(node.name);
  const visit = (node: Node, parent: Node | undefined, key: string | undefined): void => {
    if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || (node.type === 'ExportNamedDeclaration' && node.source)) return;
    if (node.type === 'MemberExpression' && named(node.object)) {
      const member = memberName(node);
      if (member !== undefined) {
        uses.push({ namespace: node.object.name, member, ...at(node.property) });
        return;
      }
    }
    if (node.type === 'TSQualifiedName' && named(node.left)) {
      uses.push({ namespace: node.left.name, member: node.right.name, ...at(node.right) });
      return;
    }
    if (node.type === 'JSXMemberExpression' && node.object.type === 'JSXIdentifier' && locals.has(node.object.name)) {
      uses.push({ namespace: node.object.name, member: node.property.name, ...at(node.property) });
      return;
    }
    if (node.type === 'JSXIdentifier' && locals.has(node.name) && key === 'name' && parent && (parent.type === 'JSXOpeningElement' || parent.type === 'JSXClosingElement')) {
      uses.push({ namespace: node.name, member: undefined, ...at(node) });
    }
    if (named(node) && !isNamePosition(parent, key)) uses.push({ namespace: node.name, member: undefined, ...at(node) });
    for (const childKey of visitorKeys[node.type] ?? []) {
      // A shorthand property `{ ns }` holds the name as key and value: one use.
      if (node.type === 'Property' && node.shorthand && childKey === 'key') continue;
      if (node.type === 'ExportSpecifier' && childKey === 'exported') continue;
      const child = (node as unknown as Record<string, unknown>)[childKey];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof (item as Node).type === 'string') visit(item as Node, node, childKey);
      } else if (child && typeof (child as Node).type === 'string') {
        visit(child as Node, node, childKey);
      }
    }
  };
  visit(program, undefined, undefined);
  return uses.sort((a, b) => a.line - b.line || a.column - b.column);
}

function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) return node.property.type === 'Identifier' ? node.property.name : undefined;
  const property = node.property;
  if (property.type === 'Literal' && typeof property.value === 'string') return property.value;
  if (property.type === 'TemplateLiteral' && property.expressions.length === 0) return property.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** A key that names a property, member or label rather than referring to a binding. */
function isNamePosition(parent: Node | undefined, key: string | undefined): boolean {
  if (!parent || key === undefined) return false;
  switch (parent.type) {
    case 'MemberExpression':
      return key === 'property' && !parent.computed;
    case 'Property':
    case 'MethodDefinition':
    case 'PropertyDefinition':
    case 'AccessorProperty':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
    case 'TSAbstractMethodDefinition':
    case 'TSAbstractPropertyDefinition':
    case 'TSAbstractAccessorProperty':
      return key === 'key' && !parent.computed;
    case 'TSEnumMember':
      return key === 'id';
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return key === 'label';
    default:
      return false;
  }
}
