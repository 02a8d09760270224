import { createHash } from 'node:crypto';

/** A strong ETag naming the exact bytes of a rendered body (a chart, a page), whatever data made it. */
export function contentEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/**
 * True when If-None-Match names this ETag (or is `*`): the client's copy is current, answer 304.
 * Comparison is weak (RFC 9110 §13.1.2), so a W/ prefix added by a proxy still matches.
 */
export function noneMatchHits(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
