import type { ParsedConfig, RawAnchor, RawComment, RawKey } from './source-text.js';

/**
 * INI files the way oslo.config (and Python's configparser, which it follows) reads them, with
 * positions, which no maintained JavaScript INI parser keeps:
 *
 * - `[section]` headers; keys of `[DEFAULT]` and keys before any header are top-level
 *   (oslo.config's DEFAULT group), other keys are `section.key`.
 * - `key = value` or `key: value`; indented lines after a key continue its value.
 * - `#` and `;` start a comment only at the start of a line (after optional indentation): after
 *   a value they are part of the value, as in oslo.config. After a section header's `]` they
 *   are a comment.
 * - Anything else (a line without `=`/`:`, an unclosed `[`) is a parse error at that line.
 */
export function parseIniConfig(text: string): ParsedConfig {
  const keys: RawKey[] = [];
  const comments: RawComment[] = [];
  let sections: RawAnchor[] = [];
  let prefix: string[] = [];
  let inValue = false;
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const lineNumber = index + 1;
    const indent = /^[ \t]*/.exec(line)![0].length;
    const content = line.slice(indent);
    if (content === '') {
      inValue = false;
      continue;
    }
    if (content.startsWith('#') || content.startsWith(';')) {
      comments.push({ text: content.slice(1), line: lineNumber, column: indent + 1, endLine: lineNumber, ownLine: true });
      continue;
    }
    if (indent > 0 && inValue) continue; // continuation of the previous value
    if (content.startsWith('[')) {
      const header = /^\[([^\]]+)\]\s*(.*)$/.exec(content);
      if (!header) return problem(lineNumber, indent + 1, 'section header without a closing "]"');
      const trailing = header[2]!;
      if (trailing !== '') {
        if (!trailing.startsWith('#') && !trailing.startsWith(';')) {
          return problem(lineNumber, indent + 1 + content.indexOf(trailing, header[0].length - trailing.length), `unexpected text after the section header: ${trailing}`);
        }
        const column = line.length - trailing.length + 1;
        comments.push({ text: trailing.slice(1), line: lineNumber, column, endLine: lineNumber, ownLine: false });
      }
      const name = header[1]!.trim();
      prefix = name === 'DEFAULT' ? [] : [name];
      sections = [{ path: prefix.length > 0 ? prefix : ['DEFAULT'], line: lineNumber, column: indent + 1 }];
      inValue = false;
      continue;
    }
    const delimiter = /[=:]/.exec(content);
    const name = delimiter ? content.slice(0, delimiter.index).trim() : '';
    if (!delimiter || name === '') {
      return problem(lineNumber, indent + 1, delimiter ? 'a key is missing before the "="' : `expected "key = value", "[section]" or a comment, found: ${content}`);
    }
    keys.push({ path: [...prefix, name], line: lineNumber, column: indent + 1, sections });
    inValue = true;
  }
  return { keys, comments };
}

function problem(line: number, column: number, message: string): ParsedConfig {
  return { problem: { line, column, message: `invalid INI: ${message}` } };
}
