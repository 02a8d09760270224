import { negotiateFhirMediaType } from '../../src/modules/fhir/fhir.routes';

describe('content negotiation of the FHIR export', () => {
  it.each([
    [undefined, 'application/fhir+json'],
    ['', 'application/fhir+json'],
    ['*/*', 'application/fhir+json'],
    ['application/fhir+json', 'application/fhir+json'],
    ['application/json+fhir', 'application/fhir+json'],
    ['application/json', 'application/json'],
    ['application/json, application/fhir+json', 'application/fhir+json'],
    ['application/fhir+json;q=0.5, application/json', 'application/json'],
    ['application/*', 'application/fhir+json'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'application/fhir+json'],
    ['application/json;q=0, */*;q=0.1', 'application/fhir+json'],
    ['application/fhir+xml', undefined],
    ['text/csv', undefined],
    ['*/*;q=0', undefined],
  ])('Accept %p → %p', (accept, expected) => {
    expect(negotiateFhirMediaType(accept)).toBe(expected);
  });
});
