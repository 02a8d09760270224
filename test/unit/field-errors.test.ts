// Bad input names the bad field: for a value that may be a text or an object, the alternative of the
// value's own type judges it, so the error points inside the object.
import { CreateSessionBodySchema } from '../../src/contracts/session.contract';
import { toFieldErrors } from '../../src/lib/field-errors';

const errorsFor = (adverseEvents: unknown) => {
  const result = CreateSessionBodySchema.safeParse({ performedAt: '2026-03-01T10:00:00Z', minutes: 30, techniques: [], regions: [], adverseEvents });
  expect(result.success).toBe(false);
  return toFieldErrors(result.error?.issues ?? []);
};

describe('field errors of a text-or-object value', () => {
  it('names the bad field of the object, with the allowed values', () => {
    expect(errorsFor([{ description: 'bruising', severity: 'catastrophic' }])).toEqual([
      { path: '/adverseEvents/0/severity', message: expect.stringContaining('"mild"|"moderate"|"severe"') },
    ]);
  });

  it('names an unknown field of the object', () => {
    expect(errorsFor([{ description: 'bruising', severity: 'mild', when: 'later' }])).toEqual([
      { path: '/adverseEvents/0/when', message: 'Unknown field "when" is not allowed' },
    ]);
  });

  it('judges a text as a text', () => {
    expect(errorsFor([''])).toEqual([{ path: '/adverseEvents/0', message: expect.stringContaining('>=1 characters') }]);
  });

  it('keeps the whole value when it is of neither type', () => {
    expect(errorsFor([5])).toEqual([{ path: '/adverseEvents/0', message: 'Invalid input' }]);
  });
});
