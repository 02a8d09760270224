import { ProblemError, type Problem } from './problem';
import type { Answer, InitArgs, ManuplanClient, PathsWith } from './typed-client';

type GetPath = PathsWith<'get'>;
type GetBody<P extends GetPath> = NonNullable<Answer<P, 'get'>['data']>;

/** Every list answers `{ data, nextCursor }`, nextCursor null on the last page (SPEC §1). */
interface CursorPage {
  data: unknown[];
  nextCursor: string | null;
}

/** The paths whose GET is a cursor list. */
export type ListPath = { [P in GetPath]: GetBody<P> extends CursorPage ? P : never }[GetPath];
export type ListPage<P extends ListPath> = GetBody<P>;
export type ListItem<P extends ListPath> = GetBody<P> extends { data: (infer T)[] } ? T : never;

/** The init is optional exactly when the list has no required parameter (a plan's sessions need the plan id). */
type ListArgs<P extends ListPath> = InitArgs<P, 'get'>;

interface AnyInit {
  params?: { query?: Record<string, unknown> };
}
type UntypedGet = (path: string, init: AnyInit) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * The pages of a list, following nextCursor from the first page (or from `query.cursor`) to the
 * last. An error answer ends the iteration with a ProblemError. Each page is fetched only when
 * the loop asks for it, so breaking out early costs no further requests.
 */
export async function* pages<P extends ListPath>(client: ManuplanClient, path: P, ...[init]: ListArgs<P>): AsyncGenerator<ListPage<P>, void, undefined> {
  // The path is one of the list paths, checked above; openapi-fetch cannot follow a generic
  // path through its overloads, so the call goes through one untyped view of GET.
  const get = client.GET as unknown as UntypedGet;
  const base = (init ?? {}) as AnyInit;
  let cursor = base.params?.query?.cursor;
  for (;;) {
    const query = { ...base.params?.query, ...(cursor === undefined ? {} : { cursor }) };
    const { data, error, response } = await get(path, { ...base, params: { ...base.params, query } });
    if (data === undefined) throw new ProblemError(response.status, error as Problem | undefined);
    const page = data as CursorPage;
    yield data as ListPage<P>;
    if (page.nextCursor === null) return;
    cursor = page.nextCursor;
  }
}

/** Every item of a list, page after page: `for await (const patient of paginate(client, '/v1/patients'))`. */
export async function* paginate<P extends ListPath>(client: ManuplanClient, path: P, ...args: ListArgs<P>): AsyncGenerator<ListItem<P>, void, undefined> {
  for await (const page of pages(client, path, ...args)) {
    yield* (page as unknown as CursorPage).data as ListItem<P>[];
  }
}
