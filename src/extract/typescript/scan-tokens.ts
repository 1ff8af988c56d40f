import type { TS } from '../../ts.js';
import type { ImportSite } from '../../facts/source-file.js';

/** Token-level facts for scan-imports.ts: token classes and the regex-or-division rule. */

/**
 * The token kinds the scan compares against, copied into a small object: SyntaxKind itself is a
 * large two-way enum object whose property loads are slow in the hot loop (the scan ran 2x faster).
 */
function kindsOf(kind: typeof TS.SyntaxKind) {
  return {
    AbstractKeyword: kind.AbstractKeyword,
    AccessorKeyword: kind.AccessorKeyword,
    AsKeyword: kind.AsKeyword,
    AssertKeyword: kind.AssertKeyword,
    AsteriskToken: kind.AsteriskToken,
    AsyncKeyword: kind.AsyncKeyword,
    AtToken: kind.AtToken,
    AwaitKeyword: kind.AwaitKeyword,
    BigIntLiteral: kind.BigIntLiteral,
    ClassKeyword: kind.ClassKeyword,
    CloseBraceToken: kind.CloseBraceToken,
    CloseBracketToken: kind.CloseBracketToken,
    CloseParenToken: kind.CloseParenToken,
    CommaToken: kind.CommaToken,
    ConstKeyword: kind.ConstKeyword,
    DeclareKeyword: kind.DeclareKeyword,
    DefaultKeyword: kind.DefaultKeyword,
    DotToken: kind.DotToken,
    EndOfFileToken: kind.EndOfFileToken,
    EqualsToken: kind.EqualsToken,
    ExclamationToken: kind.ExclamationToken,
    ExportKeyword: kind.ExportKeyword,
    FalseKeyword: kind.FalseKeyword,
    FirstKeyword: kind.FirstKeyword,
    ForKeyword: kind.ForKeyword,
    FromKeyword: kind.FromKeyword,
    FunctionKeyword: kind.FunctionKeyword,
    Identifier: kind.Identifier,
    IfKeyword: kind.IfKeyword,
    ImportKeyword: kind.ImportKeyword,
    InKeyword: kind.InKeyword,
    LastKeyword: kind.LastKeyword,
    LessThanToken: kind.LessThanToken,
    MinusMinusToken: kind.MinusMinusToken,
    NewKeyword: kind.NewKeyword,
    NoSubstitutionTemplateLiteral: kind.NoSubstitutionTemplateLiteral,
    NullKeyword: kind.NullKeyword,
    NumericLiteral: kind.NumericLiteral,
    OfKeyword: kind.OfKeyword,
    OpenBraceToken: kind.OpenBraceToken,
    OpenBracketToken: kind.OpenBracketToken,
    OpenParenToken: kind.OpenParenToken,
    OutKeyword: kind.OutKeyword,
    OverrideKeyword: kind.OverrideKeyword,
    PlusPlusToken: kind.PlusPlusToken,
    PrivateIdentifier: kind.PrivateIdentifier,
    PrivateKeyword: kind.PrivateKeyword,
    ProtectedKeyword: kind.ProtectedKeyword,
    PublicKeyword: kind.PublicKeyword,
    QuestionDotToken: kind.QuestionDotToken,
    ReadonlyKeyword: kind.ReadonlyKeyword,
    RegularExpressionLiteral: kind.RegularExpressionLiteral,
    RequireKeyword: kind.RequireKeyword,
    ReturnKeyword: kind.ReturnKeyword,
    SemicolonToken: kind.SemicolonToken,
    SlashEqualsToken: kind.SlashEqualsToken,
    SlashToken: kind.SlashToken,
    StaticKeyword: kind.StaticKeyword,
    StringLiteral: kind.StringLiteral,
    SuperKeyword: kind.SuperKeyword,
    TemplateHead: kind.TemplateHead,
    TemplateMiddle: kind.TemplateMiddle,
    TemplateTail: kind.TemplateTail,
    ThisKeyword: kind.ThisKeyword,
    TrueKeyword: kind.TrueKeyword,
    TypeKeyword: kind.TypeKeyword,
    TypeOfKeyword: kind.TypeOfKeyword,
    Unknown: kind.Unknown,
    VoidKeyword: kind.VoidKeyword,
    WhileKeyword: kind.WhileKeyword,
    WithKeyword: kind.WithKeyword,
    YieldKeyword: kind.YieldKeyword,
  };
}

export type Kinds = ReturnType<typeof kindsOf>;

/** What one scan of token-reader.ts found, or why the file needs the full parser. */
export type TokenReading = { imports: ImportSite[]; literalRanges: [number, number][] } | { fallback: string };

/** A module specifier literal the reader saw: its value and offset. */
export interface Literal {
  specifier: string | undefined;
  at: number;
}

let K: Kinds;

/** Called once, with the SyntaxKind of the TypeScript that scans. */
export function tokenKinds(kind: typeof TS.SyntaxKind): Kinds {
  K ??= kindsOf(kind);
  return K;
}

/**
 * `await /x/` or `await / 2`? After these words either can be right (each may be an identifier in
 * some code: `await` in a script, `yield` outside a generator, `of` anywhere); the scan gives up.
 */
export function slashIsAmbiguous(previous: TS.SyntaxKind): boolean {
  return previous === K.AwaitKeyword || previous === K.YieldKeyword || previous === K.OfKeyword;
}

/** Keywords whose `(…)` is followed by a statement (so a `/` after the `)` starts a regular expression). */
export function isControlKeyword(kind: TS.SyntaxKind): boolean {
  return kind === K.IfKeyword || kind === K.WhileKeyword || kind === K.ForKeyword || kind === K.WithKeyword;
}

/**
 * Modifiers the parser accepts before an import or export declaration (wrongly: the checker
 * reports them), which then starts the statement: `async\nexport * from './x'`.
 */
export function isModifier(previous: TS.SyntaxKind): boolean {
  switch (previous) {
    case K.AbstractKeyword:
    case K.AccessorKeyword:
    case K.AsyncKeyword:
    case K.ConstKeyword:
    case K.DeclareKeyword:
    case K.DefaultKeyword:
    case K.ExportKeyword:
    case K.InKeyword:
    case K.OutKeyword:
    case K.OverrideKeyword:
    case K.PrivateKeyword:
    case K.ProtectedKeyword:
    case K.PublicKeyword:
    case K.ReadonlyKeyword:
    case K.StaticKeyword:
      return true;
    default:
      return false;
  }
}

/** An identifier or a keyword (keywords are valid binding and export names in these places). */
export function isName(token: TS.SyntaxKind): boolean {
  return token === K.Identifier || (token >= K.FirstKeyword && token <= K.LastKeyword);
}

export function isLiteralToken(token: TS.SyntaxKind): boolean {
  return (
    token === K.StringLiteral ||
    token === K.NoSubstitutionTemplateLiteral ||
    token === K.TemplateHead ||
    token === K.TemplateMiddle ||
    token === K.TemplateTail ||
    token === K.RegularExpressionLiteral
  );
}

/** Tokens after which `import(` can only be an expression. */
export function startsExpression(previous: TS.SyntaxKind): boolean {
  return previous === K.AwaitKeyword || previous === K.ReturnKeyword || previous === K.YieldKeyword || previous === K.VoidKeyword;
}

/** Tokens after which an `import(` at the top level starts an expression statement. */
export function startsStatement(previous: TS.SyntaxKind): boolean {
  return previous === K.Unknown || previous === K.SemicolonToken || previous === K.CloseBraceToken;
}

/** After these tokens a `/` is a division; after any other, a regular expression starts. */
export function regexMayFollow(previous: TS.SyntaxKind): boolean {
  switch (previous) {
    case K.Identifier:
    case K.PrivateIdentifier:
    case K.NumericLiteral:
    case K.BigIntLiteral:
    case K.StringLiteral:
    case K.NoSubstitutionTemplateLiteral:
    case K.TemplateTail:
    case K.RegularExpressionLiteral:
    case K.CloseParenToken:
    case K.CloseBracketToken:
    case K.ThisKeyword:
    case K.SuperKeyword:
    case K.NullKeyword:
    case K.TrueKeyword:
    case K.FalseKeyword:
    case K.PlusPlusToken:
    case K.MinusMinusToken:
      return false;
    default:
      // Contextual keywords (type, as, get, …) are identifiers as often as not: division.
      // (In SyntaxKind they run from `abstract` to the last keyword.) See also slashIsAmbiguous.
      return !(previous >= K.AbstractKeyword && previous <= K.LastKeyword);
  }
}

/**
 * The names of one import or export specifier from its tokens and their values: `a`, `a as b`,
 * `type a`, `type a as b`, string names (`"e-f" as g`); `exported`: an `export { … }` list. A string
 * is the reason to leave the specifier to the parser.
 */
export function specifierNames(parts: readonly TS.SyntaxKind[], values: readonly string[], exported: boolean): { imported: string; local: string; typeOnly: boolean } | string {
  if (parts.length === 0) return 'empty specifier';
  const typeOnly = parts[0] === K.TypeKeyword && parts.length > 1;
  // `type as …` could be a binding named "type" renamed, or a type-only "as": the parser knows.
  if (typeOnly && parts[1] === K.AsKeyword) return 'specifier type as';
  const first = typeOnly ? 1 : 0;
  const names = values.slice(first);
  const renamed = names.length === 3 && parts[first + 1] === K.AsKeyword;
  if (names.length !== 1 && !renamed) return 'import or export specifier';
  // `import { "e-f" }` names no local binding (a syntax error the parser reports).
  if (!exported && !renamed && parts[first] === K.StringLiteral) return 'string specifier without a local name';
  return { imported: names[0]!, local: renamed ? names[2]! : names[0]!, typeOnly };
}
