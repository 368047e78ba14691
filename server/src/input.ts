// Request input the database cannot hold or that only an attacker sends, refused before any schema: NUL, __proto__, deep nesting.
//
// One walk over every parsed body and query, rather than a refinement on each string of each kind's
// schema: the limit is PostgreSQL's (text and jsonb cannot hold U+0000), not the documents' model
// (the extension stores such strings in IndexedDB without harm), and one check covers every kind,
// present and future, keys as well as values, and fields a schema would drop unseen.

/** Deeper than any document of ours (a scorecard level is 7 down from a push's root). */
export const MAX_INPUT_DEPTH = 32;
const MAX_ISSUES = 20;

export interface InputIssue {
  path: string;
  message: string;
}

const pathText = (path: readonly (string | number)[]): string => path.map(String).join('.') || '(root)';

/**
 * What in a parsed JSON value (or a query) cannot be stored or is hostile, by field path: strings or
 * keys holding U+0000, `__proto__` keys (JSON.parse makes them own properties; spread or assigned
 * elsewhere they would set a prototype), nesting deeper than MAX_INPUT_DEPTH. Iterative, so a deeply
 * nested body cannot exhaust the stack. Paths name fields, never their text.
 */
export function inputIssues(value: unknown): InputIssue[] {
  const issues: InputIssue[] = [];
  // Depth-first, children pushed in reverse: issues come out in document order.
  const stack: Array<{ value: unknown; path: readonly (string | number)[] }> = [{ value, path: [] }];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const { value: node, path } = stack.pop()!;
    const key = path.at(-1);
    if (typeof key === 'string' && key.includes('\u0000')) {
      issues.push({ path: pathText(path.slice(0, -1)), message: 'a key must not contain the NUL character (U+0000)' });
      continue;
    }
    if (key === '__proto__') {
      issues.push({ path: pathText(path), message: 'the key "__proto__" is not allowed' });
      continue;
    }
    if (typeof node === 'string') {
      if (node.includes('\u0000')) issues.push({ path: pathText(path), message: 'must not contain the NUL character (U+0000)' });
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      issues.push({ path: pathText(path), message: `nested deeper than ${MAX_INPUT_DEPTH} levels` });
      continue;
    }
    const children: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (let i = children.length - 1; i >= 0; i--) {
      const [childKey, child] = children[i]!;
      // Numbers, booleans and nulls under plain keys hold nothing to refuse: not worth a stack entry.
      const plainKey = typeof childKey === 'number' || (childKey !== '__proto__' && !childKey.includes('\u0000'));
      if (plainKey && typeof child !== 'string' && (child === null || typeof child !== 'object')) continue;
      stack.push({ value: child, path: [...path, childKey] });
    }
  }
  return issues;
}
