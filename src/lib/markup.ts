// Tagged templates for HTML and SVG that escape by default: every interpolated value is text and
// is escaped, unless it is itself markup made by these templates. There is no way to splice an
// unescaped string in, so stored text (a patient's name, a therapist's instructions) can never
// become markup, whatever it contains.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for an XML or HTML text node or a quoted attribute value. */
export function escapeMarkup(text: string): string {
  // Characters XML 1.0 forbids (C0 controls but tab, newline and return; lone surrogates) are dropped.
  const clean = text.replace(
    // eslint-disable-next-line no-control-regex -- matching those control characters is the point
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
  return clean.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** Markup built by `html`/`svg`: the only values inserted without escaping. */
export class Markup {
  constructor(private readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = Markup | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Markup) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('a non-finite number cannot be written into markup');
    return String(value);
  }
  return escapeMarkup(String(value));
}

/** An HTML fragment: literal parts as written, every value escaped unless it is Markup (arrays are joined). */
export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Markup(out);
}

/** An SVG fragment; the same rules as `html`. */
export const svg = html;
