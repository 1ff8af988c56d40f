import type { TSESTree } from '@typescript-eslint/utils';
import { bindingKind, labelledTextsOf, type ArgShape, type CallShape, type LabelContext, type LabelledText, type StringArg } from '../extract/label-calls.js';
import type { ImportForm, ImportSite } from '../imports/extract.js';

/**
 * The ESLint-side extractor: the same import sites and labelled texts that src/imports/extract.ts
 * finds with the TypeScript parser, read from the ESTree of the file being linted.
 */
export interface EstreeFacts {
  imports: ImportSite[];
  labelledTexts: LabelledText[];
}

type Node = TSESTree.Node;

const start = (node: Node) => ({ line: node.loc.start.line, column: node.loc.start.column + 1 });

function literalText(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * `deep: false` looks at top-level statements only (enough when the text has no `import(` or
 * `require(`); CLI help and routes are collected only with `labelledTexts` (which walks deep).
 */
export function collectEstreeFacts(
  program: TSESTree.Program,
  visitorKeys: Record<string, readonly string[] | undefined>,
  options: { labelledTexts: boolean; deep: boolean },
): EstreeFacts {
  const imports: ImportSite[] = [];
  const labelledTexts: LabelledText[] = [];
  const calls: CallShape[] = [];
  const bindings = { commandVariables: new Set<string>(), routerVariables: new Set<string>() } satisfies LabelContext;
  const add = (specifierNode: Node, specifier: string | undefined, form: ImportForm, typeOnly: boolean, span: Node, typeOnlyBySpecifiers = false) => {
    const at = start(specifierNode);
    const declaration = span.type.endsWith('Declaration');
    imports.push({
      specifier,
      form,
      typeOnly,
      typeOnlyBySpecifiers,
      ...at,
      statementStartLine: span.loc.start.line,
      statementEndLine: declaration ? span.loc.end.line : at.line,
    });
  };

  const handle = (node: Node): void => {
    switch (node.type) {
      case 'ImportDeclaration': {
        const bySpecifiers =
          node.importKind !== 'type' &&
          node.specifiers.length > 0 &&
          node.specifiers.every((specifier) => specifier.type === 'ImportSpecifier' && specifier.importKind === 'type');
        const form: ImportForm = node.importKind === 'type' ? 'import-type' : node.specifiers.length === 0 ? 'side-effect' : 'import';
        add(node.source, node.source.value, form, node.importKind === 'type' || bySpecifiers, node, bySpecifiers);
        break;
      }
      case 'ExportNamedDeclaration':
        if (node.source) {
          const bySpecifiers = node.exportKind !== 'type' && node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.exportKind === 'type');
          add(node.source, node.source.value, 'export-from', node.exportKind === 'type' || bySpecifiers, node, bySpecifiers);
        }
        break;
      case 'ExportAllDeclaration':
        add(node.source, node.source.value, 'export-from', node.exportKind === 'type', node);
        break;
      case 'TSImportEqualsDeclaration':
        if (node.moduleReference.type === 'TSExternalModuleReference') {
          const expression = node.moduleReference.expression;
          add(expression, literalText(expression), 'import-equals', node.importKind === 'type', node);
        }
        break;
      case 'ImportExpression': {
        const specifier = literalText(node.source);
        add(specifier === undefined ? node : node.source, specifier, 'dynamic-import', false, node);
        break;
      }
      case 'TSImportType': {
        const specifier = literalText(node.source);
        if (specifier !== undefined) add(node.source, specifier, 'type-query', true, node);
        break;
      }
      case 'VariableDeclarator': {
        const init = node.init;
        if (options.labelledTexts && node.id.type === 'Identifier' && init && (init.type === 'CallExpression' || init.type === 'NewExpression')) {
          const kind = bindingKind(callShape(init));
          if (kind === 'command') bindings.commandVariables.add(node.id.name);
          if (kind === 'router') bindings.routerVariables.add(node.id.name);
        }
        break;
      }
      case 'CallExpression': {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
          const specifier = literalText(node.arguments[0]);
          if (specifier !== undefined) add(node.arguments[0]!, specifier, 'require', false, node);
        }
        if (options.labelledTexts) calls.push(callShape(node));
        break;
      }
      case 'NewExpression':
        if (options.labelledTexts) calls.push(callShape(node));
        break;
      default:
        break;
    }
  };
  const visit = (node: Node): void => {
    handle(node);
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof (item as Node).type === 'string') visit(item as Node);
      } else if (child && typeof (child as Node).type === 'string') {
        visit(child as Node);
      }
    }
  };
  if (options.deep || options.labelledTexts) visit(program);
  else for (const statement of program.body) handle(statement);
  for (const call of calls) labelledTexts.push(...labelledTextsOf(call, bindings));
  labelledTexts.sort((a, b) => a.line - b.line || a.column - b.column);
  return { imports, labelledTexts };
}

function callShape(node: TSESTree.CallExpression | TSESTree.NewExpression): CallShape {
  const callee = node.callee;
  const isMethod = callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier';
  const name = isMethod ? (callee.property as TSESTree.Identifier).name : callee.type === 'Identifier' ? callee.name : '';
  return {
    isNew: node.type === 'NewExpression',
    name,
    isMethod,
    receiverChain: isMethod ? receiverChain((callee as TSESTree.MemberExpression).object) : [],
    args: node.arguments.map(argShape),
  };
}

function stringArg(node: Node): StringArg | undefined {
  const text = literalText(node);
  return text === undefined ? undefined : { kind: 'string', text, ...start(node) };
}

function argShape(node: Node): ArgShape {
  const literal = stringArg(node);
  if (literal) return literal;
  if (node.type === 'ObjectExpression') {
    const properties: Record<string, StringArg> = {};
    for (const property of node.properties) {
      if (property.type !== 'Property' || property.computed) continue;
      const name = property.key.type === 'Identifier' ? property.key.name : literalText(property.key);
      const value = stringArg(property.value);
      if (name !== undefined && value) properties[name] = value;
    }
    return { kind: 'object', properties };
  }
  return { kind: 'other' };
}

function receiverChain(expression: Node): string[] {
  const names: string[] = [];
  let current: Node = expression;
  for (let depth = 0; depth < 32; depth += 1) {
    if (current.type === 'CallExpression') current = current.callee;
    else if (current.type === 'MemberExpression') {
      if (!current.computed && current.property.type === 'Identifier') names.push(current.property.name);
      current = current.object;
    } else if (current.type === 'NewExpression') {
      if (current.callee.type === 'Identifier') names.push(current.callee.name);
      break;
    } else if (current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression') current = current.expression;
    else {
      if (current.type === 'Identifier') names.push(current.name);
      break;
    }
  }
  return names;
}
