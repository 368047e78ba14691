// An anonymised structural snapshot of a page region, saved by "report this page" to become a fixture.

/** Attribute values that describe structure, not people; every other value is blanked. */
const KEPT_VALUE = /^(class|id|role|type|datetime|data-test.*|data-testid|data-cy|aria-.*)$/;
const DROPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED']);
const VOID = new Set(['AREA', 'BASE', 'BR', 'COL', 'HR', 'IMG', 'INPUT', 'LINK', 'META', 'SOURCE', 'TRACK', 'WBR']);

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Letters and digits become x, whitespace stays: lengths and line structure survive, content does not. */
function maskText(text: string): string {
  return text.replace(/\S/g, 'x').replace(/[&<]/g, 'x');
}

/**
 * Tags and attributes of `root`, text replaced by same-length x runs, no scripts or styles, input
 * values and ARIA labels kept only where they are structural. Builds a string; never touches innerHTML.
 */
export function structuralSnapshot(root: Element): string {
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      out.push(maskText(node.nodeValue ?? ''));
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (DROPPED.has(tag)) return;
    const name = element.tagName.toLowerCase();
    out.push(`<${name}`);
    for (const attribute of Array.from(element.attributes)) {
      const attr = attribute.name.toLowerCase();
      // Handlers and input values are never structure; drop them rather than blank them.
      if (attr.startsWith('on') || attr === 'value' || attr === 'srcdoc') continue;
      const keep = KEPT_VALUE.test(attr) && !/^aria-(label|description|valuetext|placeholder)$/.test(attr);
      out.push(keep ? ` ${attr}="${escapeAttribute(attribute.value)}"` : ` ${attr}=""`);
    }
    out.push('>');
    if (VOID.has(tag)) return;
    // A textarea's text is its value: dropped like an input's.
    if (tag !== 'TEXTAREA') for (let child = element.firstChild; child; child = child.nextSibling) walk(child);
    out.push(`</${name}>`);
  };
  walk(root);
  return out.join('');
}
