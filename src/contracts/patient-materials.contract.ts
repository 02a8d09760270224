import { z } from 'zod';

export const SVG = 'image/svg+xml';
export const HTML = 'text/html; charset=utf-8';

/** What the handout may load: its own inline style and nothing else (SPEC §10). */
export const HANDOUT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
/** The chart needs even less: no images at all. */
export const CHART_CSP = "default-src 'none'; style-src 'unsafe-inline'";

export const SvgDocumentSchema = z.string().meta({
  description:
    'A standalone SVG document: one panel per goal (session values as points and a line, the baseline dashed, the target dash-dotted, the MCID band hatched), with <title> and <desc>; no script, no external reference',
});

export const HtmlDocumentSchema = z.string().meta({
  description: 'A self-contained HTML page (inline CSS with print rules; no script, no external asset); every stored text is HTML-escaped',
});

export const HandoutQuerySchema = z.strictObject({
  paper: z.enum(['a4', 'letter']).default('a4').meta({ description: 'The paper the page is laid out for when printed (CSS @page size)' }),
});
