/**
 * The ETag of a single resource's answer, to send as If-Match on its PATCH or DELETE: the
 * server refuses a change without it (428) and one made from a stale copy (412), so two
 * editors never overwrite each other unknowingly.
 */
export function etagOf(response: Response): string {
  const etag = response.headers.get('etag');
  if (etag === null) throw new Error(`${response.url} answered without an ETag: only a single resource has one`);
  return etag;
}
