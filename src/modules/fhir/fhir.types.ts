// The FHIR R4 (4.0.1) shapes the export emits: a faithful subset of the specification's resources,
// with only the elements we fill. Element names, cardinalities and code lists follow
// https://hl7.org/fhir/R4/; the export tests check every bundle against the published definitions.

export type Coding = {
  system: string;
  code: string;
  display?: string;
};

export type CodeableConcept = {
  coding?: Coding[];
  text?: string;
};

/** A reference inside the bundle: `urn:uuid:` of the target entry's fullUrl. */
export type Reference = {
  reference: string;
  display?: string;
};

export type Quantity = {
  value: number;
  unit: string;
  system: 'http://unitsofmeasure.org';
  code: string;
};

export type Range = {
  low?: Quantity;
  high?: Quantity;
};

export type Period = {
  start?: string;
  end?: string;
};

export type Annotation = {
  text: string;
  time?: string;
};

export type Identifier = {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  system: string;
  value: string;
};

export type Extension = {
  url: string;
  valueCodeableConcept?: CodeableConcept;
};

export type Meta = {
  versionId?: string;
  lastUpdated?: string;
};

export type Timing = {
  repeat: {
    boundsPeriod?: Period;
    count?: number;
    duration?: number;
    durationUnit?: 'min' | 'h';
    frequency?: number;
    period?: number;
    periodUnit?: 'd' | 'wk';
  };
};

export type AdministrativeGender = 'male' | 'female' | 'other' | 'unknown';

export type FhirPatient = {
  resourceType: 'Patient';
  id: string;
  meta?: Meta;
  identifier?: Identifier[];
  name?: { use?: 'official' | 'usual'; family?: string; given?: string[] }[];
  gender?: AdministrativeGender;
  birthDate?: string;
};

/** The request-status codes the export uses (R4 also has entered-in-error and unknown). */
export type CarePlanStatus = 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed';
export type CarePlanActivityStatus =
  'not-started' | 'scheduled' | 'in-progress' | 'on-hold' | 'completed' | 'cancelled' | 'stopped' | 'unknown' | 'entered-in-error';

export type CarePlanActivityDetail = {
  extension?: Extension[];
  kind?: 'ServiceRequest' | 'Task';
  code: CodeableConcept;
  reasonReference?: Reference[];
  goal?: Reference[];
  status: CarePlanActivityStatus;
  scheduledTiming?: Timing;
  scheduledString?: string;
  performer?: Reference[];
  description?: string;
};

export type FhirCarePlan = {
  resourceType: 'CarePlan';
  id: string;
  meta?: Meta;
  identifier?: Identifier[];
  status: CarePlanStatus;
  intent: 'plan';
  category?: CodeableConcept[];
  title?: string;
  description?: string;
  subject: Reference;
  period?: Period;
  created?: string;
  addresses?: Reference[];
  supportingInfo?: Reference[];
  goal?: Reference[];
  activity?: { outcomeReference?: Reference[]; detail: CarePlanActivityDetail }[];
  note?: Annotation[];
};

export type GoalLifecycleStatus = 'proposed' | 'planned' | 'accepted' | 'active' | 'on-hold' | 'completed' | 'cancelled' | 'entered-in-error' | 'rejected';
export type GoalAchievement =
  'in-progress' | 'improving' | 'worsening' | 'no-change' | 'achieved' | 'sustaining' | 'not-achieved' | 'no-progress' | 'not-attainable';

export type FhirGoal = {
  resourceType: 'Goal';
  id: string;
  lifecycleStatus: GoalLifecycleStatus;
  achievementStatus?: CodeableConcept;
  category?: CodeableConcept[];
  priority?: CodeableConcept;
  description: CodeableConcept;
  subject: Reference;
  startDate?: string;
  target?: { measure: CodeableConcept; detailRange?: Range; dueDate?: string }[];
  addresses?: Reference[];
  note?: Annotation[];
  outcomeReference?: Reference[];
};

export type FhirCondition = {
  resourceType: 'Condition';
  id: string;
  clinicalStatus: CodeableConcept;
  verificationStatus: CodeableConcept;
  category: CodeableConcept[];
  severity?: CodeableConcept;
  code: CodeableConcept;
  bodySite?: CodeableConcept[];
  subject: Reference;
  onsetDateTime?: string;
  recordedDate?: string;
  note?: Annotation[];
};

export type FhirObservation = {
  resourceType: 'Observation';
  id: string;
  basedOn?: Reference[];
  partOf?: Reference[];
  status: 'final';
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  effectiveDateTime: string;
  valueQuantity: Quantity;
};

export type FhirProcedure = {
  resourceType: 'Procedure';
  id: string;
  basedOn?: Reference[];
  status: 'completed';
  code: CodeableConcept;
  subject: Reference;
  performedDateTime: string;
  reasonReference?: Reference[];
  bodySite?: CodeableConcept[];
  complication?: CodeableConcept[];
  note?: Annotation[];
};

export type FhirResource = FhirPatient | FhirCarePlan | FhirGoal | FhirCondition | FhirObservation | FhirProcedure;

export type FhirBundle = {
  resourceType: 'Bundle';
  meta: { lastUpdated: string };
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirResource }[];
};
