import { lineStartsOf, positionIn } from '../../line-positions.js';
import type { TS } from '../../ts.js';
import type { ImportBinding } from '../../facts/declarations.js';
import type { ImportForm, ImportSite } from '../../facts/source-file.js';
import { isControlKeyword, isLiteralToken, isModifier, isName, regexMayFollow, slashIsAmbiguous, specifierNames, startsExpression, startsStatement, type Kinds, type Literal, type TokenReading } from './scan-tokens.js';

/**
 * The token reader of scan-imports.ts: one pass over the tokens, recording the import forms it can
 * read with certainty and giving up (a fallback reason) on anything else.
 */


// Module state rather than fields: the reader's hot loop reads them once per token.
let K: Kinds;
let scanner: TS.Scanner;
let lexicalError = false;
const onLexicalError = () => {
  lexicalError = true;
};

/**
 * Reads the imports from the tokens of the text `tokenScanner` holds (see scan-imports.ts);
 * `collectLiterals`: also the offsets of string, template and regex literals.
 */
export function readImportTokens(tokenScanner: TS.Scanner, kinds: Kinds, text: string, collectLiterals: boolean): TokenReading {
  scanner = tokenScanner;
  K = kinds;
  lexicalError = false;
  scanner.setOnError(onLexicalError);
  return new TokenReader(text, collectLiterals).read();
}

/** Thrown inside the reader when the file needs the full parser; caught in read(). One instance: no stack to capture. */
class NeedsFullParse extends Error {}
const NEEDS_FULL_PARSE = new NeedsFullParse('needs the full parser');
let fallbackReason = '';

function needsFullParse(reason: string): NeedsFullParse {
  fallbackReason = reason;
  return NEEDS_FULL_PARSE;
}

class TokenReader {
  private token: TS.SyntaxKind = 0;
  private previous: TS.SyntaxKind = 0;
  private tokenStart = 0;
  private previousEnd = 0;
  /** Open brackets and template heads, innermost last. */
  private readonly open: TS.SyntaxKind[] = [];
  /** For each open `(`, the token before it; and for the last `)` closed, its `(`'s. */
  private readonly parenAfter: TS.SyntaxKind[] = [];
  private closedParenAfter: TS.SyntaxKind = 0;
  private readonly imports: ImportSite[] = [];
  private readonly literalRanges: [number, number][] = [];
  private lineStarts: readonly number[] | undefined;
  /** A decorator at the top level not yet followed by `class`: it may belong to the next statement. */
  private decorated = false;

  constructor(
    private readonly text: string,
    private readonly collectLiterals: boolean,
  ) {}

  read(): TokenReading {
    try {
      this.next();
      while (this.token !== K.EndOfFileToken) this.step();
      if (lexicalError || this.open.length > 0) return { fallback: lexicalError ? 'lexical error' : 'unbalanced brackets' };
      return { imports: this.imports, literalRanges: this.literalRanges };
    } catch (error) {
      if (error instanceof NeedsFullParse) return { fallback: fallbackReason };
      throw error;
    }
  }

  /** Handles the current token; every path advances at least one token. */
  private step(): void {
    const token = this.token;
    const afterMember = this.previous === K.DotToken || this.previous === K.QuestionDotToken;
    if (token === K.AtToken && this.open.length === 0) this.decorated = true;
    else if (token === K.ClassKeyword) this.decorated = false;
    if (token === K.ImportKeyword && !afterMember) this.importKeyword();
    else if (token === K.ExportKeyword && !afterMember) this.exportKeyword();
    else if (token === K.RequireKeyword && !afterMember && this.previous !== K.FunctionKeyword && this.previous !== K.NewKeyword) this.requireCall();
    else this.next();
  }

  private next(): TS.SyntaxKind {
    if (lexicalError) throw needsFullParse('lexical error');
    const beforePrevious = this.previous;
    this.previous = this.token;
    this.previousEnd = scanner.getTokenEnd();
    let token = scanner.scan();
    switch (token) {
      case K.OpenParenToken:
        this.parenAfter.push(this.previous);
        this.open.push(token);
        break;
      case K.OpenBraceToken:
      case K.OpenBracketToken:
      case K.TemplateHead:
        this.open.push(token);
        break;
      case K.CloseBraceToken:
        if (this.open.at(-1) === K.TemplateHead) {
          token = scanner.reScanTemplateToken(false);
          if (token === K.TemplateTail) this.open.pop();
        } else {
          this.close(K.OpenBraceToken);
        }
        break;
      case K.CloseParenToken:
        this.close(K.OpenParenToken);
        this.closedParenAfter = this.parenAfter.pop() ?? 0;
        break;
      case K.CloseBracketToken:
        this.close(K.OpenBracketToken);
        break;
      case K.SlashToken:
      case K.SlashEqualsToken:
        // `a.default / 2`: a keyword after a dot is a property name, so a division follows.
        if (isName(this.token) && (beforePrevious === K.DotToken || beforePrevious === K.QuestionDotToken)) break;
        if (slashIsAmbiguous(this.token)) throw needsFullParse('regular expression or division');
        // `if (a) /re/.test(s)`: after the `)` of a control statement a regular expression starts.
        if (this.token === K.CloseParenToken && isControlKeyword(this.closedParenAfter)) throw needsFullParse('regular expression after a control statement');
        // `{} / 2` or `}\n/re/`: a `}` ends an expression as often as a block.
        if (this.token === K.CloseBraceToken) throw needsFullParse('regular expression or division after }');
        // `b! / 2`: after an expression, `!` is TypeScript's non-null assertion and a division follows.
        if (this.token === K.ExclamationToken && !regexMayFollow(beforePrevious)) break;
        if (regexMayFollow(this.token)) token = scanner.reScanSlashToken();
        break;
    }
    this.token = token;
    this.tokenStart = scanner.getTokenStart();
    if (this.collectLiterals && isLiteralToken(token)) this.literalRanges.push([this.tokenStart, scanner.getTokenEnd()]);
    return token;
  }

  private close(opener: TS.SyntaxKind): void {
    if (this.open.pop() !== opener) throw needsFullParse('unbalanced brackets');
  }

  private importKeyword(): void {
    const start = this.tokenStart;
    const before = this.previous;
    const topLevel = this.open.length === 0;
    const token = this.next();
    if (token === K.DotToken) {
      // import.meta is no import; import.defer('x') / import.source('x') are: leave those to the parser.
      if (this.next() === K.Identifier && scanner.getTokenValue() === 'meta') return;
      throw needsFullParse('import.<phase>(');
    }
    if (token === K.OpenParenToken) {
      // `typeof import('x')` is an import type in a type position but a call in an expression
      // (`a ? typeof import('x') : b`), and the tokens do not always tell which: the parser does.
      if (before === K.TypeOfKeyword) throw needsFullParse('typeof import(');
      if (startsExpression(before) || (topLevel && startsStatement(before))) this.dynamicImport(start);
      else throw needsFullParse('import( in a type or ambiguous position'); // a type position (`: import('x').T`) or an ambiguous one
      return;
    }
    if (!topLevel) throw needsFullParse('import declaration inside a block');
    this.rejectPrefix(before);
    this.importDeclaration(start);
  }

  /** The parser would start the statement at a modifier or decorator before it: leave that to it. */
  private rejectPrefix(before: TS.SyntaxKind): void {
    if (this.decorated || isModifier(before)) throw needsFullParse('modifier or decorator before an import or export');
  }

  /** `import('x')` as an expression; a non-literal argument is recorded without a specifier. */
  private dynamicImport(start: number): void {
    const token = this.next();
    if (token === K.OpenParenToken) throw needsFullParse('parenthesised import() argument'); // import(('x'))
    if (token === K.StringLiteral || token === K.NoSubstitutionTemplateLiteral) {
      const literal = this.literal();
      const after = this.next();
      if (after === K.CloseParenToken || after === K.CommaToken) {
        this.add(literal, 'dynamic-import', false, false, start, undefined);
        return;
      }
    }
    this.add({ specifier: undefined, at: start }, 'dynamic-import', false, false, start, undefined);
  }

  /** `require('x')`: a call of the identifier require with one literal argument. */
  private requireCall(): void {
    const start = this.tokenStart;
    let token = this.next();
    if (token === K.LessThanToken) throw needsFullParse('generic require call'); // require<T>('x')
    if (token === K.QuestionDotToken) token = this.next();
    if (token === K.LessThanToken) throw needsFullParse('generic require call'); // require?.<T>('x')
    if (token === K.CloseParenToken) throw needsFullParse('(require)'); // (require)('x') is a call of require
    if (token !== K.OpenParenToken) return;
    token = this.next();
    if (token === K.OpenParenToken) throw needsFullParse('parenthesised require argument'); // require(('x'))
    if (token !== K.StringLiteral && token !== K.NoSubstitutionTemplateLiteral) return;
    const literal = this.literal();
    token = this.next();
    if (token === K.CommaToken) token = this.next();
    if (token !== K.CloseParenToken) return;
    this.add(literal, 'require', false, false, start, undefined);
    this.next();
  }

  /** After `import` at the top level: `import … from 'x'`, `import 'x'`, `import x = require('x')`. */
  private importDeclaration(start: number): void {
    let token = this.token;
    if (token === K.StringLiteral) {
      const literal = this.literal();
      this.next();
      this.endStatement(literal, 'side-effect', false, false, start);
      return;
    }
    let typeKeyword = false;
    if (token === K.TypeKeyword) {
      token = this.next();
      // `import type from 'x'`, `import type, {…}`, `import type = …` name a binding "type".
      if (token === K.FromKeyword || token === K.CommaToken || token === K.EqualsToken) throw needsFullParse('binding named type');
      typeKeyword = true;
    }
    let hasDefault = false;
    const bindings: ImportBinding[] = [];
    if (isName(token)) {
      const binding = this.bindingHere(typeKeyword);
      token = this.next();
      if (token === K.EqualsToken) {
        this.importEquals(start, typeKeyword);
        return;
      }
      // `import defer * as ns`: `defer` is a phase, not a default binding.
      if (binding.local !== 'defer' || token !== K.AsteriskToken) {
        if (token !== K.CommaToken && token !== K.FromKeyword) throw needsFullParse('import clause');
        hasDefault = true;
        bindings.push({ ...binding, imported: 'default' });
        if (token === K.CommaToken) token = this.next();
      }
    }
    let allSpecifiersTypeOnly = false;
    if (token === K.OpenBraceToken) {
      allSpecifiersTypeOnly = this.namedBindings(bindings, typeKeyword, false);
    } else if (token === K.AsteriskToken) {
      const binding = this.bindingHere(typeKeyword);
      if (this.next() !== K.AsKeyword || !isName(this.next())) throw needsFullParse('namespace import');
      bindings.push({ ...binding, imported: '*', local: scanner.getTokenValue() });
      this.next();
    } else if (!hasDefault) {
      throw needsFullParse('import clause');
    }
    if (this.token !== K.FromKeyword || this.next() !== K.StringLiteral) throw needsFullParse('import without from');
    const literal = this.literal();
    this.next();
    const typeOnly = typeKeyword || (!hasDefault && allSpecifiersTypeOnly);
    this.endStatement(literal, typeKeyword ? 'import-type' : 'import', typeOnly, typeOnly && !typeKeyword, start, bindings);
  }

  /** A binding at the current token (its name and position); `imported` is filled in by the caller. */
  private bindingHere(typeOnly: boolean): ImportBinding {
    return { imported: '', local: scanner.getTokenValue(), ...this.position(this.tokenStart), typeOnly };
  }

  /** `import x = require('x')` (the current token is `=`); `import x = A.B` imports nothing. */
  private importEquals(start: number, typeOnly: boolean): void {
    if (this.next() !== K.RequireKeyword) return;
    if (this.next() !== K.OpenParenToken) throw needsFullParse('import = require');
    if (this.next() !== K.StringLiteral) throw needsFullParse('import = require argument');
    const literal = this.literal();
    if (this.next() !== K.CloseParenToken) throw needsFullParse('import = require argument');
    this.next();
    this.endStatement(literal, 'import-equals', typeOnly, false, start);
  }

  /** After `export` at the top level: `export … from 'x'`, `export import x = require('x')`. */
  private exportKeyword(): void {
    const start = this.tokenStart;
    const before = this.previous;
    if (this.open.length > 0) throw needsFullParse('export inside a block');
    let token = this.next();
    if (token === K.ImportKeyword) {
      this.rejectPrefix(before);
      token = this.next();
      let typeKeyword = false;
      if (token === K.TypeKeyword && isName(this.next())) typeKeyword = true;
      if (!isName(this.token) || this.next() !== K.EqualsToken) throw needsFullParse('export import');
      this.importEquals(start, typeKeyword);
      return;
    }
    let typeKeyword = false;
    if (token === K.TypeKeyword) {
      token = this.next();
      if (token !== K.OpenBraceToken && token !== K.AsteriskToken) return; // export type X = …
      typeKeyword = true;
    }
    let allSpecifiersTypeOnly = false;
    const bindings: ImportBinding[] = [];
    let star: { local: string | undefined } | undefined;
    if (token === K.AsteriskToken) {
      star = { local: undefined };
      if (this.next() === K.AsKeyword) {
        const name = this.next();
        if (!isName(name) && name !== K.StringLiteral) throw needsFullParse('export * as name');
        star.local = scanner.getTokenValue();
        this.next();
      }
      if (this.token !== K.FromKeyword) throw needsFullParse('export * without from');
    } else if (token === K.OpenBraceToken) {
      allSpecifiersTypeOnly = this.namedBindings(bindings, typeKeyword, true);
      if (this.token !== K.FromKeyword) return; // export { a, b }: no module specifier
    } else {
      return; // export const …, export default …: not an import
    }
    if (this.next() !== K.StringLiteral) throw needsFullParse('export from without a string');
    this.rejectPrefix(before);
    const literal = this.literal();
    // A bare or named `export *` has no specifier: its binding sits at the module specifier.
    if (star) bindings.push({ imported: '*', local: star.local, ...this.position(literal.at), typeOnly: typeKeyword });
    this.next();
    const typeOnly = typeKeyword || allSpecifiersTypeOnly;
    this.endStatement(literal, 'export-from', typeOnly, typeOnly && !typeKeyword, start, bindings);
  }

  /**
   * `{ a, type B, c as d, "e-f" as g }` (the current token is `{`), each added to `bindings`
   * (`exported`: an `export { … }` list, whose names are the imported ones first); leaves the
   * token after `}`. True when there is at least one specifier and every one is marked `type`.
   */
  private namedBindings(bindings: ImportBinding[], typeKeyword: boolean, exported: boolean): boolean {
    let count = 0;
    let typeOnly = 0;
    let token = this.next();
    while (token !== K.CloseBraceToken) {
      const parts: TS.SyntaxKind[] = [];
      const values: string[] = [];
      const at = this.position(this.tokenStart);
      while (token !== K.CommaToken && token !== K.CloseBraceToken) {
        if (!isName(token) && token !== K.StringLiteral) throw needsFullParse('import or export specifier');
        parts.push(token);
        values.push(scanner.getTokenValue());
        token = this.next();
      }
      const names = specifierNames(parts, values, exported);
      if (typeof names === 'string') throw needsFullParse(names);
      count += 1;
      if (names.typeOnly) typeOnly += 1;
      bindings.push({ imported: names.imported, local: names.local, ...at, typeOnly: typeKeyword || names.typeOnly });
      if (token === K.CommaToken) token = this.next();
    }
    this.next();
    return count > 0 && typeOnly === count;
  }

  /**
   * Import attributes (`with { … }`, also after a line break: no `with` statement in a module;
   * the older `assert { … }` only on the same line), then an optional `;`; records the import.
   */
  private endStatement(literal: Literal, form: ImportForm, typeOnly: boolean, bySpecifiers: boolean, start: number, bindings?: ImportBinding[]): void {
    if (this.token === K.WithKeyword || (this.token === K.AssertKeyword && !scanner.hasPrecedingLineBreak())) {
      if (this.next() !== K.OpenBraceToken) throw needsFullParse('import attributes');
      const depth = this.open.length;
      while (this.open.length >= depth) {
        if (this.next() === K.EndOfFileToken) throw needsFullParse('import attributes');
      }
      this.next();
    }
    let end = this.previousEnd;
    if (this.token === K.SemicolonToken) {
      end = scanner.getTokenEnd();
      this.next();
    }
    this.add(literal, form, typeOnly, bySpecifiers, start, end, bindings);
  }

  private literal(): Literal {
    return { specifier: scanner.getTokenValue(), at: this.tokenStart };
  }

  /** `end` undefined: the span ends on the specifier's line (calls and import types). */
  private add(literal: Literal, form: ImportForm, typeOnly: boolean, typeOnlyBySpecifiers: boolean, start: number, end: number | undefined, bindings?: ImportBinding[]): void {
    const at = this.position(literal.at);
    this.imports.push({
      specifier: literal.specifier,
      form,
      typeOnly,
      typeOnlyBySpecifiers,
      line: at.line,
      column: at.column,
      statementStartLine: this.position(start).line,
      statementEndLine: end === undefined ? at.line : this.position(end).line,
      ...(bindings ? { bindings } : {}),
    });
  }

  private position(offset: number): { line: number; column: number } {
    this.lineStarts ??= lineStartsOf(this.text, 'ecmascript');
    return positionIn(this.lineStarts, offset);
  }
}
