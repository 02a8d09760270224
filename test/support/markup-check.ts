// A small well-formedness check for the XML (SVG) and the HTML the service renders: every element
// opened is closed in order (HTML void elements excepted), and no attribute or text holds a raw
// `<` or an unescaped `&`. Enough to catch a broken template or unescaped text, without a parser.

const HTML_VOID = new Set(['meta', 'link', 'br', 'hr', 'img', 'input', 'col', 'area', 'base', 'embed', 'source', 'track', 'wbr']);

/** The problems found: an empty list means well-formed. */
export function markupProblems(doc: string, mode: 'xml' | 'html'): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  // Raw-text elements (style) are skipped whole in HTML.
  const body = mode === 'html' ? doc.replace(/<style>[\s\S]*?<\/style>/g, '<style></style>') : doc;
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+(?:="[^"<]*")?)*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(token)) {
    const [, closing, name, attrs, selfClosing, text, stray] = m;
    if (stray) problems.push(`raw < at ${m.index}`);
    else if (text !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|#39|#\d+|#x[0-9a-f]+);)/i.test(text)) problems.push(`unescaped & in text near ${m.index}: ${text.slice(0, 40)}`);
    } else if (name) {
      if (attrs && /&(?!(?:amp|lt|gt|quot|#39);)/.test(attrs)) problems.push(`unescaped & in attributes of <${name}>`);
      const tag = mode === 'html' ? name.toLowerCase() : name;
      if (closing) {
        const open = stack.pop();
        if (open !== tag) problems.push(`</${tag}> closes <${open ?? 'nothing'}>`);
      } else if (!selfClosing && !(mode === 'html' && HTML_VOID.has(tag))) stack.push(tag);
    }
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  return problems;
}

/** The visible text of an HTML page: no style, no tags, entities decoded. */
export function visibleText(page: string): string {
  return page
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
