// Small DOM helpers shared by adapters: ordered selector candidates and text without markup.

/** Tries each candidate in order; returns the first that matches and which one it was. */
export function firstMatch(
  root: ParentNode,
  candidates: readonly string[],
): { element: Element; selector: string } | null {
  for (const selector of candidates) {
    const element = root.querySelector(selector);
    if (element) return { element, selector };
  }
  return null;
}

export function allMatches(
  root: ParentNode,
  candidates: readonly string[],
): { elements: Element[]; selector: string | null } {
  for (const selector of candidates) {
    const elements = Array.from(root.querySelectorAll(selector));
    if (elements.length > 0) return { elements, selector };
  }
  return { elements: [], selector: null };
}

const BLOCK = /^(P|DIV|BR|LI|UL|OL|BLOCKQUOTE|H[1-6]|TR|PRE|SECTION|ARTICLE)$/;

/**
 * The readable text of an element: block boundaries become newlines, whitespace is folded,
 * scripts and styles are skipped. Never touches innerHTML, so nothing is parsed or executed.
 */
export function readableText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'NOSCRIPT') return;
    const block = BLOCK.test(tag);
    if (block) parts.push('\n');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) parts.push('\n');
  };
  walk(element);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

let inertDocument: Document | null = null;

/**
 * HTML from an API answer (a comment's or a mail's body) as inert nodes to read text from. A document
 * made by createHTMLDocument has no browsing context: nothing in it runs or loads (jQuery's parseHTML
 * and DOMPurify rely on the same). One such document serves every body; a DOMParser per body built a
 * whole document each time, most of a 300-message ticket's extraction. Only for reading text from:
 * the result is never attached to a live page.
 */
export function inertHtml(html: string): Element {
  const holder = inert().createElement('div');
  holder.innerHTML = html;
  return holder;
}

/**
 * A deep copy of a page's element in that inert document, to cut parts out of before reading its text:
 * a copy made in the page itself would fetch its images again (a mail's tracking pixel, told the mail
 * was opened once more) and fire their handlers. Only for reading text from, as inertHtml.
 */
export function inertCopy(element: Element): Element {
  return inert().importNode(element, true);
}

function inert(): Document {
  inertDocument ??= document.implementation.createHTMLDocument('');
  return inertDocument;
}
