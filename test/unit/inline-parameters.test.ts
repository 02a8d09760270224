import { inlineParameters, toLiteral } from '../../src/db/postgres-transactions';

describe('writing parameters into a statement for the simple protocol', () => {
  it('replaces each placeholder with its value as an untyped quoted literal, as node-postgres would bind it', () => {
    expect(inlineParameters('select * from t where a = $1 and b = $2 limit $3', ['x', 'y', 51])).toBe("select * from t where a = 'x' and b = 'y' limit '51'");
  });

  it('tells $1 from $10 and may use a parameter twice', () => {
    const values = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
    expect(inlineParameters('$10, $1, $1', values)).toBe("'v10', 'v1', 'v1'");
  });

  it('escapes quotes and backslashes so a value can never end its literal', () => {
    expect(inlineParameters('select $1', ["O'Brien \\' ; drop table t; --"])).toBe("select  E'O''Brien \\\\'' ; drop table t; --'");
    expect(toLiteral("it's")).toBe("'it''s'");
  });

  it('writes NULL for null and undefined, and converts other values as the driver does', () => {
    expect(toLiteral(null)).toBe('NULL');
    expect(toLiteral(undefined)).toBe('NULL');
    expect(toLiteral(true)).toBe("'true'");
    expect(toLiteral({ a: [1, 'b'] })).toBe(`'{"a":[1,"b"]}'`);
    expect(toLiteral(['a', 'b"c', null])).toBe(String.raw` E'{"a","b\\"c",NULL}'`);
    expect(toLiteral(Buffer.from([1, 255]))).toBe(String.raw` E'\\x01ff'`);
  });

  it('leaves $n alone inside string literals, quoted identifiers, dollar quotes and comments', () => {
    const text = `select '$1', "col$1", $tag$ $1 $tag$, $$ $1 $$, E'\\'$1' -- $1\n, /* $1 */ $1`;
    expect(inlineParameters(text, ['v'])).toBe(`select '$1', "col$1", $tag$ $1 $tag$, $$ $1 $$, E'\\'$1' -- $1\n, /* $1 */ 'v'`);
  });

  it('refuses a statement that names a parameter it was not given', () => {
    expect(() => inlineParameters('select $2', ['only one'])).toThrow(/\$2/);
  });
});
