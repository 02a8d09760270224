import type { Client, FetchResponse, MaybeOptionalInit } from 'openapi-fetch';
import type { paths } from './schema';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The paths that have this method. */
export type PathsWith<M extends Method> = { [P in keyof paths]: paths[P] extends { [K in M]: object } ? P : never }[keyof paths];

export type Init<P extends keyof paths, M extends Method> = MaybeOptionalInit<paths[P], M>;
/** The init argument, optional exactly when the operation has no required parameter or body. */
export type InitArgs<P extends keyof paths, M extends Method> = undefined extends Init<P, M> ? [init?: Init<P, M>] : [init: Init<P, M>];

/**
 * One method of the client, typed so that the init object is checked against the operation's
 * own type. openapi-fetch infers the init as a type parameter, and TypeScript does not check
 * excess properties against a constraint, so a misspelt optional body field would compile
 * (openapi-ts/openapi-typescript#1769) and only meet the API's 400 at run time.
 */
type StrictMethod<M extends Method> = <P extends PathsWith<M>>(url: P, ...init: InitArgs<P, M>) => Promise<Answer<P, M>>;

/** What a call resolves to: `{ data, response }` on success, `{ error, response }` otherwise. */
export type Answer<P extends keyof paths, M extends Method> = FetchResponse<paths[P][M] & object, Init<P, M>, `${string}/${string}`>;

/** The client this package returns: openapi-fetch's, with every method checking its init exactly. */
export type ManuplanClient = Omit<Client<paths>, 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH'> & {
  GET: StrictMethod<'get'>;
  PUT: StrictMethod<'put'>;
  POST: StrictMethod<'post'>;
  DELETE: StrictMethod<'delete'>;
  PATCH: StrictMethod<'patch'>;
};
