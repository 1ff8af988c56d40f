import type { TSESTree } from '@typescript-eslint/utils';
import { bindingKind, labelledTextsOf, labelledTextsOfObject, OBJECT_SHAPE_DEPTH, type ArgShape, type ObjectArg, type CallShape, type LabelContext, type StringArg } from '../shared/label-calls.js';
import type { ImportBinding } from '../../facts/declarations.js';
import type { ImportForm, ImportSite, LabelledText } from '../../facts/source-file.js';

/**
 * The ESLint-side extractor: the same import sites and labelled texts that src/extract/typescript/parse-imports.ts
 * finds with the TypeScript parser, read from the ESTree of the file being linted.
 */
export interface EstreeFacts {
  imports: ImportSite[];
  labelledTexts: LabelledText[];
}

type Node = TSESTree.Node;

const start = (node: Node) => ({ line: node.loc.start.line, column: node.loc.start.column + 1 });

/** An import or export name: an identifier, or a string literal (`"e-f" as g`). */
function nameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}

function binding(node: Node, imported: string, local: string | undefined, typeOnly: boolean): ImportBinding {
  return { imported, local, ...start(node), typeOnly };
}

function importBindings(node: TSESTree.ImportDeclaration): ImportBinding[] {
  const declarationTypeOnly = node.importKind === 'type';
  return node.specifiers.map((specifier) => {
    if (specifier.type === 'ImportDefaultSpecifier') return binding(specifier, 'default', specifier.local.name, declarationTypeOnly);
    if (specifier.type === 'ImportNamespaceSpecifier') return binding(specifier, '*', specifier.local.name, declarationTypeOnly);
    return binding(specifier, nameOf(specifier.imported), specifier.local.name, declarationTypeOnly || specifier.importKind === 'type');
  });
}

function literalText(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

export interface EstreeFactsOptions {
  /** Collect CLI-help and route texts (preview code only). */
  labelledTexts: boolean;
  /** Look below the top-level statements (needed when the text holds `import(` or `require(`). */
  deep: boolean;
}

/** The node types the collector reads imports from; calls only when `deep` or `labelledTexts`. */
const IMPORT_NODE_TYPES = ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'TSImportEqualsDeclaration', 'ImportExpression', 'TSImportType'] as const;

/**
 * Collects import sites and labelled texts from ESTree nodes, one node at a time: fed either by
 * ESLint's own traversal (`listeners()`, so the rules add no second walk of the tree) or by
 * `collectEstreeFacts` below.
 */
export class EstreeFactsCollector {
  private readonly imports: ImportSite[] = [];
  private readonly calls: CallShape[] = [];
  private readonly objects: ObjectArg[] = [];
  private readonly bindings = { commandVariables: new Set<string>(), routerVariables: new Set<string>() } satisfies LabelContext;

  constructor(readonly options: EstreeFactsOptions) {}

  /** ESLint rule listeners that feed `handle`, one per node type it reads. */
  listeners(): Record<string, (node: Node) => void> {
    const listeners: Record<string, (node: Node) => void> = {};
    for (const type of IMPORT_NODE_TYPES) listeners[type] = this.handle;
    if (this.options.deep || this.options.labelledTexts) listeners.CallExpression = this.handle;
    if (this.options.labelledTexts) listeners.NewExpression = listeners.VariableDeclarator = listeners.ObjectExpression = this.handle;
    return listeners;
  }

  facts(): EstreeFacts {
    const labelledTexts: LabelledText[] = [];
    for (const call of this.calls) labelledTexts.push(...labelledTextsOf(call, this.bindings));
    for (const object of this.objects) labelledTexts.push(...labelledTextsOfObject(object));
    labelledTexts.sort((a, b) => a.line - b.line || a.column - b.column);
    return { imports: this.imports, labelledTexts };
  }

  private add(specifierNode: Node, specifier: string | undefined, form: ImportForm, typeOnly: boolean, span: Node, typeOnlyBySpecifiers = false, bindings?: ImportBinding[]): void {
    const at = start(specifierNode);
    const declaration = span.type.endsWith('Declaration');
    this.imports.push({
      specifier,
      form,
      typeOnly,
      typeOnlyBySpecifiers,
      ...at,
      statementStartLine: span.loc.start.line,
      statementEndLine: declaration ? span.loc.end.line : at.line,
      ...(bindings ? { bindings } : {}),
    });
  }

  readonly handle = (node: Node): void => {
    const labelled = this.options.labelledTexts;
    switch (node.type) {
      case 'ImportDeclaration': {
        const bySpecifiers =
          node.importKind !== 'type' &&
          node.specifiers.length > 0 &&
          node.specifiers.every((specifier) => specifier.type === 'ImportSpecifier' && specifier.importKind === 'type');
        const form: ImportForm = node.importKind === 'type' ? 'import-type' : node.specifiers.length === 0 ? 'side-effect' : 'import';
        this.add(node.source, node.source.value, form, node.importKind === 'type' || bySpecifiers, node, bySpecifiers, form === 'side-effect' ? undefined : importBindings(node));
        break;
      }
      case 'ExportNamedDeclaration':
        if (node.source) {
          const bySpecifiers = node.exportKind !== 'type' && node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.exportKind === 'type');
          const bindings = node.specifiers.map((specifier) => binding(specifier, nameOf(specifier.local), nameOf(specifier.exported), node.exportKind === 'type' || specifier.exportKind === 'type'));
          this.add(node.source, node.source.value, 'export-from', node.exportKind === 'type' || bySpecifiers, node, bySpecifiers, bindings);
        }
        break;
      case 'ExportAllDeclaration':
        this.add(node.source, node.source.value, 'export-from', node.exportKind === 'type', node, false, [
          binding(node.source, '*', node.exported ? nameOf(node.exported) : undefined, node.exportKind === 'type'),
        ]);
        break;
      case 'TSImportEqualsDeclaration':
        if (node.moduleReference.type === 'TSExternalModuleReference') {
          const expression = node.moduleReference.expression;
          // `export import x = require('x')`: the statement starts at `export`, as in TypeScript's tree.
          const span = node.parent?.type === 'ExportNamedDeclaration' ? node.parent : node;
          this.add(expression, literalText(expression), 'import-equals', node.importKind === 'type', span);
        }
        break;
      case 'ImportExpression': {
        const specifier = literalText(node.source);
        this.add(specifier === undefined ? node : node.source, specifier, 'dynamic-import', false, node);
        break;
      }
      case 'TSImportType': {
        // A template literal here names no module for TypeScript ("String literal expected").
        const specifier = node.source.type === 'Literal' ? literalText(node.source) : undefined;
        // `typeof import('x')` starts at `typeof`, as TypeScript's import type node does.
        if (specifier !== undefined) this.add(node.source, specifier, 'type-query', true, node.parent?.type === 'TSTypeQuery' ? node.parent : node);
        break;
      }
      case 'VariableDeclarator': {
        const init = node.init && unwrapped(node.init);
        if (labelled && node.id.type === 'Identifier' && init && (init.type === 'CallExpression' || init.type === 'NewExpression')) {
          const kind = bindingKind(callShape(init));
          if (kind === 'command') this.bindings.commandVariables.add(node.id.name);
          if (kind === 'router') this.bindings.routerVariables.add(node.id.name);
        }
        break;
      }
      case 'CallExpression': {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
          const specifier = literalText(node.arguments[0]);
          if (specifier !== undefined) this.add(node.arguments[0]!, specifier, 'require', false, node);
        }
        if (labelled) this.calls.push(callShape(node));
        break;
      }
      case 'NewExpression':
        if (labelled) this.calls.push(callShape(node));
        break;
      case 'ObjectExpression':
        if (labelled) this.objects.push(objectShape(node, 1));
        break;
      default:
        break;
    }
  };
}

/**
 * The same facts from a walk of our own, for callers outside ESLint's traversal. With neither
 * `deep` nor `labelledTexts`, only the top-level statements are read.
 */
export function collectEstreeFacts(
  program: TSESTree.Program,
  visitorKeys: Record<string, readonly string[] | undefined>,
  options: EstreeFactsOptions,
): EstreeFacts {
  const collector = new EstreeFactsCollector(options);
  const visit = (node: Node): void => {
    collector.handle(node);
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof (item as Node).type === 'string') visit(item as Node);
      } else if (child && typeof (child as Node).type === 'string') {
        visit(child as Node);
      }
    }
  };
  // Without them: top-level statements, and those of `declare module '…' { … }` / namespace blocks
  // and of svelte-eslint-parser's script elements (whose statements it keeps below the Program).
  const visitTopLevel = (statement: Node): void => {
    const scriptBody = (statement as { type: string; body?: unknown }).type === 'SvelteScriptElement' ? (statement as unknown as { body: Node[] }).body : undefined;
    if (scriptBody) return scriptBody.forEach(visitTopLevel);
    collector.handle(statement);
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'TSModuleDeclaration' && declaration.body?.type === 'TSModuleBlock') declaration.body.body.forEach(visitTopLevel);
  };
  if (options.deep || options.labelledTexts) visit(program);
  else program.body.forEach(visitTopLevel);
  return collector.facts();
}

function callShape(node: TSESTree.CallExpression | TSESTree.NewExpression): CallShape {
  const callee = unwrapped(node.callee);
  const isMethod = callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier';
  const name = isMethod ? (callee.property as TSESTree.Identifier).name : callee.type === 'Identifier' ? callee.name : '';
  return {
    isNew: node.type === 'NewExpression',
    name,
    isMethod,
    receiverChain: isMethod ? receiverChain((callee as TSESTree.MemberExpression).object) : [],
    args: node.arguments.map((argument) => argShape(argument)),
  };
}

function stringArg(expression: Node): StringArg | undefined {
  const node = unwrapped(expression);
  const text = literalText(node);
  return text === undefined ? undefined : { kind: 'string', text, ...start(node) };
}

function objectShape(node: TSESTree.ObjectExpression, depth: number): ObjectArg {
  const properties: Record<string, ArgShape> = Object.create(null) as Record<string, ArgShape>; // a `__proto__` key stays a key
  for (const property of node.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const name = property.key.type === 'Identifier' ? property.key.name : literalText(property.key);
    if (name === undefined) continue;
    // Shorthand properties, methods and accessors: present, but nothing to read.
    properties[name] = property.kind === 'init' && !property.method && !property.shorthand ? argShape(property.value, depth + 1) : { kind: 'other' };
  }
  return { kind: 'object', properties };
}

function argShape(expression: Node, depth = 1): ArgShape {
  const node = unwrapped(expression);
  const literal = stringArg(node);
  if (literal) return literal;
  if (node.type === 'ObjectExpression' && depth <= OBJECT_SHAPE_DEPTH) return objectShape(node, depth);
  return { kind: 'other' };
}

function receiverChain(expression: Node): string[] {
  const names: string[] = [];
  let current: Node = unwrapped(expression);
  for (let depth = 0; depth < 32; depth += 1) {
    if (current.type === 'CallExpression') current = unwrapped(current.callee);
    else if (current.type === 'MemberExpression') {
      // `a.b` adds "b"; `a[x]` adds nothing and goes on to `a`.
      if (!current.computed && current.property.type === 'Identifier') names.push(current.property.name);
      current = unwrapped(current.object);
    } else if (current.type === 'NewExpression') {
      // new Command('x') and new commander.Command('x') both add "Command".
      const constructor = unwrapped(current.callee);
      if (constructor.type === 'Identifier') names.push(constructor.name);
      else if (constructor.type === 'MemberExpression' && !constructor.computed && constructor.property.type === 'Identifier') names.push(constructor.property.name);
      break;
    } else {
      if (current.type === 'Identifier') names.push(current.name);
      break;
    }
  }
  return names;
}

/**
 * The expression under `?.` chains and type-only wrappers (`x!`, `x as T`, `x satisfies T`, `<T>x`),
 * which TypeScript's tree keeps as parentheses-like nodes too: both extractors see through the same
 * ones (src/extract/typescript/parse-imports.ts, `unwrapped`).
 */
function unwrapped(node: Node): Node {
  let current = node;
  for (;;) {
    if (current.type === 'ChainExpression') current = current.expression;
    else if (current.type === 'TSNonNullExpression' || current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'TSTypeAssertion') current = current.expression;
    else return current;
  }
}
