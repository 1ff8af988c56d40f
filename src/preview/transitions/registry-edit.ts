import { isDeepStrictEqual } from 'node:util';
import { isMap, isPair, isScalar, isSeq, stringify, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { InputError } from '../../errors.js';
import { parseYamlSource } from '../../policy/yaml-source.js';

type PlainValue = string | number | boolean | PlainValue[] | { [key: string]: PlainValue };

/**
 * Edits lifecycle.yaml as text, so every comment, blank line and flow list stays as written: each
 * edit finds the node in the parsed document and splices only its own characters. After every
 * edit the text is parsed again and must hold exactly the value the edit meant (fail closed).
 */
export class RegistryEditor {
  constructor(
    readonly file: string,
    private current: string,
  ) {}

  get text(): string {
    return this.current;
  }

  /** Sets `features.<id>.<key>` to `value` (replacing its value, or adding the key after the feature's last one). */
  setFeatureField(id: string, key: string, value: string): void {
    const feature = this.featureMap(id);
    const pair = feature.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
    const rendered = this.renderScalar(value);
    const reads = readsAs(this.file, rendered);
    if (pair && isScalar(pair.value) && pair.value.range) {
      const [start, end] = pair.value.range;
      this.splice(start, end, rendered, (plain) => setPath(plain, ['features', id, key], reads));
      return;
    }
    if (pair) throw new InputError(`${this.file}: features.${id}.${key} is not a plain value; edit it by hand`);
    this.insertPair(feature, `${key}: ${rendered}`, (plain) => setPath(plain, ['features', id, key], reads));
  }

  /** Appends one entry to `features.<id>.renewals` (creating the list when there is none). */
  appendRenewal(id: string, renewal: { release: string; tracking: string; reason: string }): void {
    const feature = this.featureMap(id);
    const pair = feature.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === 'renewals');
    const release = this.renderScalar(renewal.release);
    const expect = (plain: PlainValue) => {
      const entry = plainAt(plain, ['features', id]) as Record<string, PlainValue>;
      entry.renewals = [...((entry.renewals as PlainValue[] | undefined) ?? []), { ...renewal, release: readsAs(this.file, release) }];
    };
    const fields = [`release: ${release}`, `tracking: ${renderString(renewal.tracking)}`, `reason: ${renderString(renewal.reason)}`];
    if (!pair) {
      const indent = ' '.repeat(this.columnOf(firstKey(feature)) + 2);
      this.insertPair(feature, `renewals:\n${indent}- ${fields.join(`\n${indent}  `)}`, expect);
      return;
    }
    const list = pair.value;
    if (!isSeq(list) || !list.range) throw new InputError(`${this.file}: features.${id}.renewals is not a list; edit it by hand`);
    if (list.flow) {
      const close = list.range[1] - 1; // the `]`
      const separator = list.items.length > 0 ? ', ' : '';
      this.splice(close, close, `${separator}{ ${fields.join(', ')} }`, expect);
      return;
    }
    const last = list.items.at(-1) as Node;
    const indent = ' '.repeat(this.columnOf(last) - 2);
    this.splice(...this.afterLineOf(last), `${indent}- ${fields.join(`\n${indent}  `)}\n`, expect);
  }

  /** Removes `preview.exceptions[index]`, and the `exceptions` key when it was the last entry. */
  removeException(index: number): void {
    const preview = this.document().get('preview', true);
    const pair = isMap(preview) ? preview.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === 'exceptions') : undefined;
    const list = pair?.value;
    if (!pair || !isSeq(list) || list.items[index] === undefined) throw new InputError(`${this.file}: no preview.exceptions[${index}] to remove`);
    const expect = (plain: PlainValue) => {
      const previewValue = plainAt(plain, ['preview']) as Record<string, PlainValue>;
      const entries = previewValue.exceptions as PlainValue[];
      entries.splice(index, 1);
      if (entries.length === 0) delete previewValue.exceptions;
    };
    if (list.items.length === 1) {
      this.splice(this.lineStart(rangeOf(pair.key as Node)[0]), this.afterLineOf(list)[1], '', expect);
      return;
    }
    if (list.flow) throw new InputError(`${this.file}: preview.exceptions is a flow list; remove entry ${index} by hand`);
    const item = list.items[index] as Node;
    const next = list.items[index + 1] as Node | undefined;
    const start = this.lineStart(rangeOf(item)[0]);
    const end = next ? this.lineStart(rangeOf(next)[0]) : this.afterLineOf(item)[1];
    this.splice(start, end, '', expect);
  }

  private document(): ReturnType<typeof parseYamlSource>['document'] {
    return parseYamlSource(this.file, this.current).document;
  }

  private featureMap(id: string): YAMLMap {
    const node = this.document().getIn(['features', id], true);
    if (!isMap(node)) throw new InputError(`${this.file}: features.${id} is not written in this file (it may come from a file it extends); edit it by hand`);
    if (node.flow) throw new InputError(`${this.file}: features.${id} is written in flow style ({ … }); write it as a block mapping, or edit it by hand`);
    return node;
  }

  /** A release name as the train writes it (so `2026.10` stays as written), else a safe YAML scalar. */
  private renderScalar(value: string): string {
    const train = this.document().getIn(['releases', 'train'], true);
    if (isSeq(train)) {
      for (const entry of train.items) {
        const name = isMap(entry) ? entry.get('name', true) : undefined;
        if (isScalar(name) && String(name.value) === value && name.range) return this.current.slice(name.range[0], name.range[1]);
      }
    }
    return renderString(value);
  }

  private insertPair(map: YAMLMap, pairText: string, expect: (plain: PlainValue) => void): void {
    const indent = ' '.repeat(this.columnOf(firstKey(map)));
    const last = map.items.at(-1) as Pair<Node, Node>;
    const [at] = this.afterLineOf(last.value ?? last.key);
    const prefix = at > 0 && this.current[at - 1] !== '\n' ? '\n' : '';
    this.splice(at, at, `${prefix}${indent}${pairText}\n`, expect);
  }

  /** Replaces [start, end) and checks that the result parses to the value `expect` describes. */
  private splice(start: number, end: number, replacement: string, expect: (plain: PlainValue) => void): void {
    const before = parseYamlSource(this.file, this.current).value as PlainValue;
    const next = this.current.slice(0, start) + replacement + this.current.slice(end);
    const wanted = structuredClone(before);
    expect(wanted);
    const got = parseYamlSource(this.file, next).value;
    if (!isDeepStrictEqual(got, wanted)) throw new InputError(`${this.file}: cannot edit the registry safely here (the edit would not read back as intended); edit it by hand`);
    this.current = next;
  }

  private lineStart(offset: number): number {
    return this.current.lastIndexOf('\n', offset - 1) + 1;
  }

  private columnOf(node: Node): number {
    const start = rangeOf(node)[0];
    return start - this.lineStart(start);
  }

  /** The position just after the line on which `node` ends (its trailing comment included). */
  private afterLineOf(node: Node): [number, number] {
    const end = rangeOf(node)[1];
    if (end > 0 && this.current[end - 1] === '\n') return [end, end];
    const newline = this.current.indexOf('\n', end);
    const at = newline < 0 ? this.current.length : newline + 1;
    return [at, at];
  }
}

function firstKey(map: YAMLMap): Node {
  const first = map.items[0];
  if (!first || !isPair(first)) throw new InputError('cannot edit an empty mapping of the registry; edit it by hand');
  return first.key as Node;
}

function rangeOf(node: Node | YAMLSeq | null | undefined): [number, number] {
  if (!node?.range) throw new InputError('cannot edit the registry here: a node has no position; edit it by hand');
  return [node.range[0], node.range[1]];
}

/** A string as one YAML scalar on one line: plain when YAML would read it back unchanged, else double-quoted. */
function renderString(value: string): string {
  const plain = stringify(value, { lineWidth: 0 }).trimEnd();
  // Commas and brackets would end a plain value inside a flow list; a newline would need a block scalar.
  return plain.includes('\n') || /[,[\]{}]/.test(plain) ? JSON.stringify(value) : plain;
}

/** What a scalar as written reads back as (a release written 2026.2 is a number to YAML). */
function readsAs(file: string, scalar: string): PlainValue {
  return parseYamlSource(file, `${scalar}\n`).value as PlainValue;
}

function plainAt(plain: PlainValue, path: readonly string[]): PlainValue {
  let node = plain;
  for (const key of path) node = (node as Record<string, PlainValue>)[key]!;
  return node;
}

function setPath(plain: PlainValue, path: readonly string[], value: PlainValue): void {
  const parent = plainAt(plain, path.slice(0, -1)) as Record<string, PlainValue>;
  parent[path.at(-1)!] = value;
}
