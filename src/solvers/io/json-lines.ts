/**
 * JSON with line numbers for errors. Documents are parsed with the native JSON.parse (fast); only when
 * something is wrong does a small scanner walk the text again to find the line of a syntax error or of
 * the value at a given path (e.g. ["Q", 3, 5]), so every error can name its line.
 */
import { InputError } from '../../util/errors.js';
import { checkNesting } from '../../util/input-file.js';

export type JsonPath = ReadonlyArray<string | number>;

class Found {
  constructor(readonly line: number) {}
}

class ScanError {
  constructor(readonly line: number, readonly message: string) {}
}

class Scanner {
  pos = 0;
  line = 1;
  constructor(readonly text: string, readonly target: JsonPath | undefined) {}

  fail(message: string): never {
    throw new ScanError(this.line, message);
  }

  ws(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 10) this.line++;
      else if (c !== 32 && c !== 9 && c !== 13) break;
      this.pos++;
    }
  }

  value(path: (string | number)[]): void {
    this.ws();
    if (this.target && path.length === this.target.length && path.every((p, k) => p === this.target![k])) throw new Found(this.line);
    const c = this.text[this.pos];
    if (c === '{') this.object(path);
    else if (c === '[') this.array(path);
    else if (c === '"') this.string();
    else if (c === 't') this.literal('true');
    else if (c === 'f') this.literal('false');
    else if (c === 'n') this.literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) this.number();
    else this.fail(c === undefined ? 'unexpected end of JSON' : `unexpected character '${c}'`);
  }

  object(path: (string | number)[]): void {
    this.pos++;
    this.ws();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.ws();
      if (this.text[this.pos] !== '"') this.fail('expected a property name in double quotes');
      const keyLine = this.line;
      const key = this.string();
      if (this.target && path.length + 1 === this.target.length && this.target[path.length] === key && path.every((p, k) => p === this.target![k])) {
        throw new Found(keyLine);
      }
      this.ws();
      if (this.text[this.pos] !== ':') this.fail("expected ':' after a property name");
      this.pos++;
      this.value([...path, key]);
      this.ws();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '}') {
        this.pos++;
        return;
      }
      this.fail("expected ',' or '}' after a property value");
    }
  }

  array(path: (string | number)[]): void {
    this.pos++;
    this.ws();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (let k = 0; ; k++) {
      this.value([...path, k]);
      this.ws();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === ']') {
        this.pos++;
        return;
      }
      this.fail("expected ',' or ']' after an array element");
    }
  }

  string(): string {
    const start = ++this.pos;
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos];
      if (c === '"') {
        const raw = t.slice(start, this.pos);
        this.pos++;
        return raw;
      }
      if (c === '\\') this.pos++;
      else if (c === '\n') this.fail('unterminated string');
      this.pos++;
    }
    this.fail('unterminated string');
  }

  literal(word: string): void {
    if (this.text.startsWith(word, this.pos)) this.pos += word.length;
    else this.fail(`unexpected token (expected '${word}')`);
  }

  number(): void {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 64));
    if (!m) this.fail('malformed number');
    this.pos += m[0].length;
  }
}

/** Parses JSON; a syntax error becomes `InputError(file, "line L: invalid JSON: …")`. */
export function parseJsonFile(text: string, file: string): unknown {
  // Before parsing: the scanner below recurses per level, and no problem format nests deeply.
  checkNesting(file, file, text);
  try {
    return JSON.parse(text);
  } catch (err) {
    const s = new Scanner(text, undefined);
    try {
      s.value([]);
      s.ws();
      if (s.pos < text.length) s.fail('unexpected text after the JSON document');
    } catch (e) {
      if (e instanceof ScanError) throw new InputError(file, `line ${e.line}: invalid JSON: ${e.message}`);
      throw e;
    }
    throw new InputError(file, `invalid JSON: ${(err as Error).message}`);
  }
}

/** 1-based line of the value (or object key) at `path`, or 1 if not found. */
export function jsonLineOf(text: string, path: JsonPath): number {
  const s = new Scanner(text, path);
  try {
    s.value([]);
  } catch (e) {
    if (e instanceof Found) return e.line;
    if (e instanceof ScanError) return e.line;
    throw e;
  }
  return 1;
}

/** Error helper for JSON inputs: `file: line L (path): message`. */
export function jsonFail(text: string, file: string, path: JsonPath, message: string): never {
  const where = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
  throw new InputError(file, `line ${jsonLineOf(text, path)}${where ? ` (${where})` : ''}: ${message}`);
}
