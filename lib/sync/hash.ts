// A short, stable hash of a document's canonical JSON: what the push remembers of docs on the wire, and the roster of its token.
import { canonicalJson } from '../model';

/** A 53-bit hash of a document's canonical JSON (cyrb53): cheap to keep for every in-flight doc. */
export function docHash(doc: unknown): string {
  const text = canonicalJson(doc);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
