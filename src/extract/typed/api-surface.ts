import type { ApiDeclaration, ApiDocTag, ApiPlace, ApiSurfaceFacts } from '../../facts/api-surface.js';
import type { FileClass } from '../../facts/source-file.js';
import { resolve } from 'node:path';
import { projectRelative } from '../../project-path.js';
import type { TS, TypeScript } from '../../ts.js';

/** What the walk needs besides the program: where project files are, and their class. */
export interface SurfaceContext {
  /** The compiler API the program was made with (never another copy's). */
  ts: TypeScript;
  program: TS.Program;
  /** Project-relative path of an absolute file name; undefined outside the project or in node_modules. */
  projectPath(fileName: string): string | undefined;
  classify(file: string): FileClass;
}

/** The project path of an absolute file name below `root`; undefined outside it or in node_modules. */
export function projectPathBelow(root: string, fileName: string): string | undefined {
  const file = projectRelative(root, resolve(fileName));
  return file === '' || file.startsWith('..') || file.startsWith('/') || /(?:^|\/)node_modules\//.test(file) ? undefined : file;
}

/** Bounds of one walk (fail closed: reaching one is a problem, not a silent stop). */
const MAX_TYPE_VISITS = 2_000_000;
const MAX_DECLARATIONS = 200_000;

class WalkBoundReached extends Error {}

interface Building extends ApiDeclaration {
  symbol: TS.Symbol;
  references: { to: number; via: string }[];
  unresolved: (ApiPlace & { via: string })[];
}

/**
 * The public API of the given entry points (absolute file names of the program), walked with the
 * program's checker: each named declaration once, its shape (declared, or inferred by the
 * checker) walked once per declaration, each type at most once per declaration; anonymous types
 * (object literals, function types, inferred returns) inline, named ones as references.
 */
export function apiSurfaceOfProgram(context: SurfaceContext, entryPoints: readonly string[]): ApiSurfaceFacts {
  const walker = new SurfaceWalker(context);
  const exports: { entryPoint: string; name: string; declaration: number }[] = [];
  const problems: (ApiPlace & { message: string })[] = [];
  const { ts, program } = context;
  const checker = program.getTypeChecker();
  try {
    for (const fileName of entryPoints) {
      const entryPoint = context.projectPath(fileName)!;
      const sourceFile = program.getSourceFile(fileName);
      if (!sourceFile) {
        problems.push({ file: entryPoint, line: 1, column: 1, message: `cannot check the public API of ${entryPoint}: TypeScript did not load it` });
        continue;
      }
      const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
      if (!moduleSymbol) continue; // a script: it exports nothing
      for (const exported of checker.getExportsOfModule(moduleSymbol)) {
        const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        if (!target.declarations || target.declarations.length === 0) {
          const place = walker.placeOf(exported.declarations?.[0]) ?? { file: entryPoint, line: 1, column: 1 };
          problems.push({ ...place, message: `cannot check the export "${exported.name}" of ${entryPoint}: it does not resolve (a missing module or name), so a preview type behind it would go unnoticed` });
          continue;
        }
        const declaration = walker.declarationOf(target);
        if (declaration !== undefined) exports.push({ entryPoint, name: exported.name, declaration });
      }
    }
    walker.walkQueued();
  } catch (error) {
    if (!(error instanceof WalkBoundReached)) throw error;
    const first = entryPoints[0] === undefined ? undefined : context.projectPath(entryPoints[0]);
    problems.push({ file: first ?? '.', line: 1, column: 1, message: `${error.message}; preview-api-leak stopped there (the rest of the public API is unchecked)` });
  }
  return { declarations: walker.declarations.map(({ symbol: _symbol, ...declaration }) => declaration), exports, problems };
}

/** Walks the checker's types of the public shapes, producing declarations and their references. */
class SurfaceWalker {
  readonly declarations: Building[] = [];
  private readonly bySymbol = new Map<TS.Symbol, number>();
  private readonly queue: number[] = [];
  private readonly ts: TypeScript;
  private readonly checker: TS.TypeChecker;
  private visits = 0;
  /** The declaration being walked, the types already seen in it, and the member where the walk is. */
  private current: { index: number; seen: Set<TS.Type>; at: TS.Node | undefined; aliasBody?: TS.Type } | undefined;

  constructor(private readonly context: SurfaceContext) {
    this.ts = context.ts;
    this.checker = context.program.getTypeChecker();
  }

  /** The place of a declaration's name in a project file; undefined for library and external files. */
  placeOf(node: TS.Node | undefined): ApiPlace | undefined {
    if (!node) return undefined;
    const sourceFile = node.getSourceFile();
    const { program } = this.context;
    if (program.isSourceFileDefaultLibrary(sourceFile) || program.isSourceFileFromExternalLibrary(sourceFile)) return undefined;
    const file = this.context.projectPath(sourceFile.fileName);
    if (file === undefined) return undefined;
    const named = this.ts.isSourceFile(node) ? undefined : (this.ts.getNameOfDeclaration(node as TS.Declaration) ?? node);
    const { line, character } = named ? sourceFile.getLineAndCharacterOfPosition(named.getStart(sourceFile)) : { line: 0, character: 0 };
    return { file, line: line + 1, column: character + 1 };
  }

  /** The index of a named project declaration (queued for its walk on first sight); undefined for anonymous or outside ones. */
  declarationOf(symbol: TS.Symbol): number | undefined {
    const ts = this.ts;
    let resolved = symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
    if (resolved.flags & ts.SymbolFlags.EnumMember) {
      const parent = resolved.declarations?.[0]?.parent;
      if (parent && ts.isEnumDeclaration(parent)) resolved = this.checker.getSymbolAtLocation(parent.name) ?? resolved;
    }
    const known = this.bySymbol.get(resolved);
    if (known !== undefined) return known;
    const declaration = resolved.declarations?.find((node) => this.isNamedDeclaration(node));
    const place = this.placeOf(declaration);
    if (!declaration || !place) return undefined;
    if (this.declarations.length >= MAX_DECLARATIONS) throw new WalkBoundReached(`the public API reaches more than ${MAX_DECLARATIONS} declarations`);
    const index = this.declarations.length;
    const nameNode = ts.isSourceFile(declaration) ? undefined : ts.getNameOfDeclaration(declaration as TS.Declaration);
    this.declarations.push({
      symbol: resolved,
      name: nameNode && ts.isIdentifier(nameNode) ? nameNode.text : resolved.name,
      ...place,
      tags: (resolved.declarations ?? []).flatMap((node) => this.tagsOf(node)),
      fileClass: fileClassOf(this.context.classify(place.file)),
      references: [],
      unresolved: [],
    });
    this.bySymbol.set(resolved, index);
    this.queue.push(index);
    return index;
  }

  walkQueued(): void {
    while (this.queue.length > 0) this.walkDeclaration(this.queue.shift()!);
  }

  private isNamedDeclaration(node: TS.Node): boolean {
    const ts = this.ts;
    return (
      ts.isInterfaceDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isTypeAliasDeclaration(node) ||
      ts.isEnumDeclaration(node) ||
      ts.isFunctionDeclaration(node) ||
      ts.isVariableDeclaration(node) ||
      ts.isBindingElement(node) ||
      ts.isModuleDeclaration(node) ||
      ts.isSourceFile(node) ||
      ts.isExportAssignment(node)
    );
  }

  private tagsOf(node: TS.Node): ApiDocTag[] {
    const ts = this.ts;
    if (ts.isSourceFile(node)) return [];
    return ts.getJSDocTags(node).map((tag) => ({ tag: `@${tag.tagName.text}`, text: ts.getTextOfJSDocComment(tag.comment) ?? '' }));
  }

  private walkDeclaration(index: number): void {
    const ts = this.ts;
    const checker = this.checker;
    const { symbol } = this.declarations[index]!;
    this.current = { index, seen: new Set(), at: undefined };
    const flags = symbol.flags;
    if (flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) this.walkClassOrInterface(symbol);
    else if (flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable) || symbol.declarations?.some((node) => ts.isExportAssignment(node))) {
      this.walkType(checker.getTypeOfSymbol(symbol), '');
    }
    if (flags & ts.SymbolFlags.TypeAlias) {
      const alias = symbol.declarations?.find(ts.isTypeAliasDeclaration);
      for (const parameter of alias?.typeParameters ?? []) this.walkTypeParameter(checker.getTypeAtLocation(parameter), '');
      const body = checker.getDeclaredTypeOfSymbol(symbol);
      this.current.aliasBody = body;
      this.walkType(body, '');
    }
    if (flags & ts.SymbolFlags.Enum) this.walkEnum(symbol);
    if (flags & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule) && !(flags & ts.SymbolFlags.Enum)) {
      // Values (`export const x`, functions) are walked as members; types are declarations of their own.
      const valueOnly = ts.SymbolFlags.Variable | ts.SymbolFlags.Function;
      for (const member of checker.getExportsOfModule(symbol)) {
        const target = member.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(member) : member;
        const isValue = (target.flags & valueOnly) !== 0 && (target.flags & ~valueOnly & (ts.SymbolFlags.Type | ts.SymbolFlags.Namespace)) === 0;
        const to = isValue ? undefined : this.declarationOf(target);
        if (to !== undefined) this.reference(to, `.${member.name}`);
        else this.at(target.declarations?.[0], () => this.walkType(checker.getTypeOfSymbol(target), `.${member.name}`));
      }
    }
  }

  private walkClassOrInterface(symbol: TS.Symbol): void {
    const ts = this.ts;
    const checker = this.checker;
    const own = new Set<TS.Node>(symbol.declarations ?? []);
    const isOwn = (member: TS.Node | undefined) => member !== undefined && (own.has(member.parent) || (ts.isParameter(member) && own.has(member.parent.parent)));
    const declared = checker.getDeclaredTypeOfSymbol(symbol) as TS.InterfaceType;
    // Walked member by member here: a reference to itself inside (`next: Node`) is no new type.
    this.current!.seen.add(declared);
    for (const parameter of declared.typeParameters ?? []) this.walkTypeParameter(parameter, '');
    this.walkMembers(declared, '', (member) => isOwn(member));
    for (const base of checker.getBaseTypes(declared)) this.walkType(base, '');
    for (const node of symbol.declarations ?? []) {
      if (!ts.isClassLike(node)) continue;
      for (const clause of node.heritageClauses ?? []) {
        if (clause.token !== ts.SyntaxKind.ImplementsKeyword) continue;
        for (const implemented of clause.types) this.walkType(checker.getTypeAtLocation(implemented), '');
      }
    }
    if (symbol.flags & ts.SymbolFlags.Class) {
      // The static side: static members and the constructor's parameters.
      const staticSide = checker.getTypeOfSymbol(symbol);
      this.current!.seen.add(staticSide);
      this.walkMembers(staticSide, '', (member) => isOwn(member), true);
    }
  }

  /** Properties, signatures and index signatures of an object type (`accept` picks the members to walk). */
  private walkMembers(type: TS.Type, via: string, accept: (member: TS.Node | undefined) => boolean, staticSide = false): void {
    const ts = this.ts;
    const checker = this.checker;
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (!accept(declaration) || this.isPrivate(property) || (staticSide && property.name === 'prototype')) continue;
      this.at(declaration, () => this.walkType(checker.getTypeOfSymbol(property), `${via}.${property.name}`));
    }
    for (const kind of [ts.SignatureKind.Call, ts.SignatureKind.Construct]) {
      for (const signature of checker.getSignaturesOfType(type, kind)) {
        if (accept(signature.declaration) || (staticSide && kind === ts.SignatureKind.Construct && signature.declaration === undefined)) this.walkSignature(signature, via, staticSide);
      }
    }
    for (const info of checker.getIndexInfosOfType(type)) {
      if (!accept(info.declaration)) continue;
      const key = `${via}[${checker.typeToString(info.keyType)}]`;
      this.at(info.declaration, () => this.walkType(info.type, key));
    }
  }

  private isPrivate(property: TS.Symbol): boolean {
    const ts = this.ts;
    if (property.name.startsWith('#') || String(property.escapedName).startsWith('__#')) return true;
    return (property.declarations ?? []).some((node) => (ts.getCombinedModifierFlags(node as TS.Declaration) & ts.ModifierFlags.Private) !== 0);
  }

  private walkSignature(signature: TS.Signature, via: string, constructorOnly = false): void {
    const checker = this.checker;
    for (const parameter of signature.getTypeParameters() ?? []) this.walkTypeParameter(parameter, via);
    for (const parameter of signature.getParameters()) {
      this.at(parameter.valueDeclaration, () => this.walkType(checker.getTypeOfSymbol(parameter), via));
    }
    if (constructorOnly) return; // a constructor returns the instance: the class itself
    const predicate = checker.getTypePredicateOfSignature(signature);
    if (predicate?.type) this.walkType(predicate.type, via);
    this.at(signature.declaration, () => this.walkType(checker.getReturnTypeOfSignature(signature), via));
  }

  private walkTypeParameter(parameter: TS.Type, via: string): void {
    const constraint = parameter.getConstraint();
    if (constraint) this.walkType(constraint, via);
    const fallback = parameter.getDefault();
    if (fallback) this.walkType(fallback, via);
  }

  private walkEnum(symbol: TS.Symbol): void {
    const ts = this.ts;
    for (const node of symbol.declarations ?? []) {
      if (!ts.isEnumDeclaration(node)) continue;
      for (const member of node.members) {
        if (!member.initializer) continue;
        const name = ts.isIdentifier(member.name) ? member.name.text : member.name.getText();
        const visit = (child: TS.Node): void => {
          if (ts.isIdentifier(child)) {
            const referenced = this.checker.getSymbolAtLocation(child);
            const to = referenced === undefined ? undefined : this.declarationOf(referenced);
            if (to !== undefined && to !== this.current!.index) this.reference(to, `.${name}`);
          }
          ts.forEachChild(child, visit);
        };
        visit(member.initializer);
      }
    }
  }

  /** Runs `walk` with `node` as the member where the walk is (for the place of an unresolved type). */
  private at(node: TS.Node | undefined, walk: () => void): void {
    const current = this.current!;
    const before = current.at;
    if (node) current.at = node;
    walk();
    current.at = before;
  }

  private reference(to: number, via: string): void {
    const building = this.declarations[this.current!.index]!;
    if (to === this.current!.index || building.references.some((known) => known.to === to && known.via === via)) return;
    building.references.push({ to, via });
  }

  private walkType(type: TS.Type, via: string): void {
    const ts = this.ts;
    const checker = this.checker;
    const current = this.current!;
    if (current.seen.has(type)) return;
    current.seen.add(type);
    if ((this.visits += 1) > MAX_TYPE_VISITS) throw new WalkBoundReached(`the public API holds more than ${MAX_TYPE_VISITS} types`);
    const self = this.declarations[current.index]!.symbol;
    const flags = type.flags;
    if (flags & ts.TypeFlags.Any && (type as { intrinsicName?: string }).intrinsicName === 'error') {
      const building = this.declarations[current.index]!;
      const place = this.placeOf(current.at) ?? building;
      building.unresolved.push({ file: place.file, line: place.line, column: place.column, via });
      return;
    }
    if (flags & (ts.TypeFlags.EnumLiteral | ts.TypeFlags.Enum) && type.symbol) {
      const to = this.declarationOf(type.symbol);
      if (to !== undefined) this.reference(to, via);
      return;
    }
    const alias = type.aliasSymbol;
    // An alias is walked once, as declared; its own instantiations inside it (`next: Chain<T[]>`) are references to itself.
    if (alias && (alias !== self || type !== current.aliasBody)) {
      const to = this.declarationOf(alias);
      if (to !== undefined) this.reference(to, via);
      for (const argument of type.aliasTypeArguments ?? []) this.walkType(argument, via);
      return;
    }
    if (flags & ts.TypeFlags.UnionOrIntersection) {
      for (const part of (type as TS.UnionOrIntersectionType).types) this.walkType(part, via);
      return;
    }
    if (flags & ts.TypeFlags.TypeParameter) {
      if (!(type as { isThisType?: boolean }).isThisType) this.walkTypeParameter(type, via);
      return;
    }
    if (flags & ts.TypeFlags.Object) return this.walkObject(type as TS.ObjectType, via, self);
    if (flags & ts.TypeFlags.Conditional) {
      const conditional = type as TS.ConditionalType;
      this.walkType(conditional.checkType, via);
      this.walkType(conditional.extendsType, via);
      this.walkType(checker.getTypeFromTypeNode(conditional.root.node.trueType), via);
      this.walkType(checker.getTypeFromTypeNode(conditional.root.node.falseType), via);
      return;
    }
    if (flags & ts.TypeFlags.IndexedAccess) {
      this.walkType((type as TS.IndexedAccessType).objectType, via);
      this.walkType((type as TS.IndexedAccessType).indexType, via);
      return;
    }
    if (flags & ts.TypeFlags.Index) return this.walkType((type as TS.IndexType).type, via);
    if (flags & ts.TypeFlags.TemplateLiteral) {
      for (const part of (type as TS.TemplateLiteralType).types) this.walkType(part, via);
      return;
    }
    if (flags & ts.TypeFlags.StringMapping) return this.walkType((type as TS.StringMappingType).type, via);
    if (flags & ts.TypeFlags.Substitution) return this.walkType((type as TS.SubstitutionType).baseType, via);
  }

  private walkObject(type: TS.ObjectType, via: string, self: TS.Symbol): void {
    const ts = this.ts;
    const checker = this.checker;
    if (type.objectFlags & ts.ObjectFlags.Reference) {
      const reference = type as TS.TypeReference;
      const target = reference.target;
      if (!(target.objectFlags & ts.ObjectFlags.Tuple) && target.symbol && target.symbol !== self) {
        const to = this.declarationOf(target.symbol);
        if (to !== undefined) this.reference(to, via);
      }
      for (const argument of checker.getTypeArguments(reference)) this.walkType(argument, via);
      return;
    }
    const symbol = type.symbol;
    if (symbol && symbol !== self && symbol.declarations?.some((node) => this.isNamedDeclaration(node))) {
      // `typeof createClient`, a class's static side, a namespace: a declaration of its own.
      const to = this.declarationOf(symbol);
      if (to !== undefined) this.reference(to, via);
      return;
    }
    if (type.objectFlags & ts.ObjectFlags.Mapped) {
      const mapped = symbol?.declarations?.find(ts.isMappedTypeNode);
      if (mapped) {
        if (mapped.typeParameter.constraint) this.walkType(checker.getTypeFromTypeNode(mapped.typeParameter.constraint), via);
        if (mapped.type) this.walkType(checker.getTypeFromTypeNode(mapped.type), via);
        return;
      }
    }
    // Anonymous: an object literal type, a function type, an inferred object: its members, inline.
    this.walkMembers(type, via, () => true);
  }
}

function fileClassOf(fileClass: FileClass): ApiDeclaration['fileClass'] {
  return fileClass.feature === undefined ? { zone: fileClass.zone } : { zone: fileClass.zone, feature: fileClass.feature };
}
