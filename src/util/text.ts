/**
 * Echoing user input in one-line messages safely: control characters (terminal escape sequences,
 * newlines) are shown escaped and long text is cut, so an error stays one readable line.
 */

/** The longest piece of user text quoted in a message. */
export const MAX_QUOTED = 80;

/** `text` with control characters escaped (\n, \x1b, \u202e …) and cut to `max` characters with an ellipsis. */
export function sanitize(text: string, max = MAX_QUOTED): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  // eslint-disable-next-line no-control-regex
  const clean = cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return text.length > max ? `${clean}… (${text.length} characters)` : clean;
}

/**
 * A short description of any value for an error message. Never throws: BigInts, symbols, objects
 * without a prototype and circular objects all have a description.
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `'${sanitize(value)}'`;
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${sanitize(value.toString())}n (a BigInt)`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      if (Array.isArray(value)) return `an array of ${value.length}`;
      return 'an object';
  }
}
