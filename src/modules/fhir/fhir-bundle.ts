// A stored plan as a FHIR R4 Bundle (type collection), for practices that keep their records in
// FHIR. Pure: the same plan, patient, assessment, sessions and progress always give the same
// bundle, byte for byte — ids of things we store are our ids, and the parts that have none (the
// Conditions of an assessment, the Procedures of a session…) get UUIDv5 ids derived from their
// parent's id and what they are, so a receiver can upsert on every export.
import type { Assessment } from '../../contracts/assessment-resource.contract';
import type { Patient } from '../../contracts/patient.contract';
import type { Plan } from '../../contracts/plan-resource.contract';
import type { PlanGoal, PlanTechnique } from '../../contracts/plan.contract';
import type { GoalProgress, Progress } from '../../contracts/progress.contract';
import type { Session } from '../../contracts/session.contract';
import { derivedUuid } from '../../lib/derived-uuid';
import type { RegionCode } from '../../planning/catalog/catalog.regions';
import type { Side } from '../../planning/catalog/catalog.types';
import {
  bodySites,
  goalTypeLabel,
  homeExerciseConcept,
  MANUPLAN_SYSTEMS,
  measureCategory,
  measureConcept,
  measuredValues,
  measureKeyOf,
  measureQuantity,
  measureText,
  painFinding,
  painSeverity,
  regionText,
  SYSTEMS,
  techniqueConcept,
  type MeasureKey,
} from './fhir-codes';
import type {
  CarePlanActivityStatus,
  CarePlanStatus,
  FhirBundle,
  FhirCarePlan,
  FhirCondition,
  FhirGoal,
  FhirObservation,
  FhirPatient,
  FhirProcedure,
  FhirResource,
  GoalAchievement,
  GoalLifecycleStatus,
  Reference,
} from './fhir.types';

/** Everything the bundle says, read in one transaction. */
export interface PlanRecord {
  plan: Plan;
  patient: Patient;
  assessment: Pick<Assessment, 'id' | 'assessedAt' | 'painLocations' | 'goals' | 'durationWeeks' | 'measures'>;
  /** In the order performed. */
  sessions: Session[];
  progress: Progress;
}

const ref = (id: string): Reference => ({ reference: `urn:uuid:${id}` });
const DAY_MS = 86_400_000;
const dateOf = (timestamp: string) => timestamp.slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + Math.round(days) * DAY_MS).toISOString().slice(0, 10);
const latest = (...timestamps: string[]) => timestamps.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));

// Our plan status → CarePlan.status (request-status) and Goal.lifecycleStatus.
const CARE_PLAN_STATUS: Record<Plan['status'], CarePlanStatus> = {
  draft: 'draft',
  active: 'active',
  on_hold: 'on-hold',
  completed: 'completed',
  discontinued: 'revoked',
};
const GOAL_LIFECYCLE: Record<Plan['status'], GoalLifecycleStatus> = {
  draft: 'proposed',
  active: 'active',
  on_hold: 'on-hold',
  completed: 'completed',
  discontinued: 'cancelled',
};

/** What has happened to one planned activity, from the plan's status and whether it was ever delivered. */
function activityStatus(status: Plan['status'], delivered: boolean): CarePlanActivityStatus {
  switch (status) {
    case 'draft':
      return 'not-started';
    case 'on_hold':
      return 'on-hold';
    case 'active':
      return delivered ? 'in-progress' : 'scheduled';
    case 'completed':
      return delivered ? 'completed' : 'cancelled';
    case 'discontinued':
      return delivered ? 'stopped' : 'cancelled';
  }
}

/** Goal.achievementStatus from the computed progress: reached, else the trend; closed plans that fell short say so. */
export function achievementOf(planStatus: Plan['status'], progress: GoalProgress | undefined): GoalAchievement | undefined {
  if (planStatus === 'draft') return undefined;
  if (progress?.percentToTarget !== null && progress?.percentToTarget !== undefined && progress.percentToTarget >= 100) return 'achieved';
  if (planStatus === 'completed' || planStatus === 'discontinued') return 'not-achieved';
  if (!progress || progress.latest === null || progress.trend === null) return 'in-progress';
  return progress.trend === 'improving' ? 'improving' : progress.trend === 'worsening' ? 'worsening' : 'no-change';
}

const PRIORITY = ['high-priority', 'medium-priority', 'low-priority'] as const;
const sameMeasure = (a: MeasureKey, b: MeasureKey) => a.measure === b.measure && a.joint === b.joint && a.movement === b.movement;

/** The plan, its patient, assessment findings, goals, sessions and measures as one FHIR R4 collection Bundle. */
export function planToFhirBundle(record: PlanRecord): FhirBundle {
  const { plan, patient, assessment, sessions, progress } = record;
  const start = dateOf(assessment.assessedAt);
  const patientRef = ref(patient.id);
  const carePlanRef = ref(plan.id);

  // Findings of the assessment: a Condition per pain location.
  const conditions = (assessment.painLocations ?? []).map((location, i): FhirCondition => ({
    resourceType: 'Condition',
    id: derivedUuid(assessment.id, `condition/${i}`),
    clinicalStatus: { coding: [{ system: SYSTEMS.conditionClinical, code: 'active' }] },
    verificationStatus: { coding: [{ system: SYSTEMS.conditionVerification, code: 'confirmed' }] },
    category: [{ coding: [{ system: SYSTEMS.conditionCategory, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }] }],
    ...(painSeverity(location.intensity) && { severity: painSeverity(location.intensity) }),
    code: painFinding(location.region, location.side),
    bodySite: bodySites(location.region, location.side),
    subject: patientRef,
    // Onset is approximate (the complaint's duration in weeks), so only its date is given.
    ...(assessment.durationWeeks !== undefined && { onsetDateTime: addDays(start, -assessment.durationWeeks * 7) }),
    recordedDate: assessment.assessedAt,
    ...(location.quality?.length && { note: [{ text: `Quality: ${location.quality.join(', ')}` }] }),
  }));
  const conditionsAt = (region: RegionCode) => conditions.filter((_, i) => assessment.painLocations![i]!.region === region).map((c) => ref(c.id));

  const observation = (parentId: string, key: MeasureKey, value: number, effective: string, links: Partial<FhirObservation>): FhirObservation => ({
    resourceType: 'Observation',
    id: derivedUuid(parentId, `observation/${measureKeyOf(key)}`),
    ...links,
    status: 'final',
    category: [measureCategory(key.measure)],
    code: measureConcept(key),
    subject: patientRef,
    effectiveDateTime: effective,
    valueQuantity: measureQuantity(key.measure, value),
  });
  const baselines = measuredValues(assessment.measures).map(({ key, value }) => observation(assessment.id, key, value, assessment.assessedAt, {}));

  // Sessions: a Procedure per technique delivered, an Observation per measure taken.
  const procedures: FhirProcedure[] = [];
  const sessionObservations: FhirObservation[] = [];
  const deliveredProcedures = new Map<string, Reference[]>();
  const lastObservationOf = new Map<string, string>();
  for (const session of sessions) {
    const own = session.techniques.map((code, i): FhirProcedure => {
      const sites = sessionSites(plan.techniques, code, session.regions);
      const reasons = [...new Set(sites.flatMap((s) => conditionsAt(s.region).map((r) => r.reference)))].map((reference) => ({ reference }));
      const procedure: FhirProcedure = {
        resourceType: 'Procedure',
        id: derivedUuid(session.id, `procedure/${i}/${code}`),
        basedOn: [carePlanRef],
        status: 'completed',
        code: techniqueConcept(code),
        subject: patientRef,
        performedDateTime: session.performedAt,
        ...(reasons.length > 0 && { reasonReference: reasons }),
        ...(sites.length > 0 && { bodySite: sites.flatMap((s) => bodySites(s.region, s.side)) }),
        // Adverse events belong to the session, not to one technique: every Procedure of it carries them.
        ...(session.adverseEvents.length > 0 && {
          complication: session.adverseEvents.map((e) => ({ text: typeof e === 'string' ? e : `${e.description} (${e.severity})` })),
        }),
        ...(i === 0 && sessionNotes(session) && { note: sessionNotes(session) }),
      };
      deliveredProcedures.set(code, [...(deliveredProcedures.get(code) ?? []), ref(procedure.id)]);
      return procedure;
    });
    procedures.push(...own);
    for (const { key, value } of measuredValues(session.measures)) {
      const o = observation(session.id, key, value, session.performedAt, { basedOn: [carePlanRef], partOf: own.map((p) => ref(p.id)) });
      sessionObservations.push(o);
      lastObservationOf.set(measureKeyOf(key), o.id);
    }
  }

  const requestedPriority = new Map((assessment.goals ?? []).map((g) => [g.type, g.priority]));
  const goals = plan.goals.map((goal): FhirGoal => {
    const key: MeasureKey = { measure: goal.measure, joint: goal.joint, movement: goal.movement };
    const achievement = achievementOf(
      plan.status,
      progress.goals.find((g) => g.type === goal.type && sameMeasure(g, key)),
    );
    const priority = requestedPriority.get(goal.type);
    const outcome = lastObservationOf.get(measureKeyOf(key));
    return {
      resourceType: 'Goal',
      id: derivedUuid(plan.id, `goal/${goal.type}/${measureKeyOf(key)}`),
      lifecycleStatus: GOAL_LIFECYCLE[plan.status],
      ...(achievement && { achievementStatus: { coding: [{ system: SYSTEMS.goalAchievement, code: achievement }], text: achievement.replace(/-/g, ' ') } }),
      category: [{ coding: [{ system: SYSTEMS.goalCategory, code: 'physiotherapy', display: 'Physiotherapy' }] }],
      ...(priority !== undefined && { priority: { coding: [{ system: SYSTEMS.goalPriority, code: PRIORITY[Math.min(priority, 3) - 1]! }] } }),
      description: { coding: [{ system: MANUPLAN_SYSTEMS.goalType, code: goal.type, display: goalTypeLabel(goal.type) }], text: goalText(goal, key) },
      subject: patientRef,
      startDate: start,
      target: [
        {
          measure: measureConcept(key),
          ...(goal.target !== null && {
            // "At most" for measures where lower is better, "at least" where higher is.
            detailRange:
              goal.direction === 'lower_is_better' ? { high: measureQuantity(goal.measure, goal.target) } : { low: measureQuantity(goal.measure, goal.target) },
          }),
          ...(goal.byWeek > 0 && { dueDate: addDays(start, goal.byWeek * 7) }),
        },
      ],
      ...(conditions.length > 0 && { addresses: conditions.map((c) => ref(c.id)) }),
      ...(goal.rationale && { note: [{ text: goal.rationale }] }),
      ...(outcome && { outcomeReference: [ref(outcome)] }),
    };
  });
  const goalsServing = (types: readonly string[]) => goals.filter((_, i) => types.includes(plan.goals[i]!.type)).map((g) => ref(g.id));

  const { schedule } = plan;
  const weeksEnd = schedule.weeks > 0 ? addDays(start, schedule.weeks * 7) : undefined;
  const techniqueActivity = (t: PlanTechnique) => {
    const delivered = deliveredProcedures.get(t.code) ?? [];
    const reasons = conditionsAt(t.region);
    const goalsOf = goalsServing(t.goalTypes);
    return {
      ...(delivered.length > 0 && { outcomeReference: delivered }),
      detail: {
        extension: bodySites(t.region, t.side).map((site) => ({ url: MANUPLAN_SYSTEMS.bodySiteExtension, valueCodeableConcept: site })),
        kind: 'ServiceRequest' as const,
        code: techniqueConcept(t.code),
        ...(reasons.length > 0 && { reasonReference: reasons }),
        ...(goalsOf.length > 0 && { goal: goalsOf }),
        status: activityStatus(plan.status, delivered.length > 0),
        ...(schedule.sessionsPerWeek > 0 &&
          schedule.totalSessions > 0 && {
            scheduledTiming: {
              repeat: {
                boundsPeriod: { start, ...(weeksEnd && { end: weeksEnd }) },
                count: schedule.totalSessions,
                duration: t.minutes,
                durationUnit: 'min' as const,
                frequency: schedule.sessionsPerWeek,
                period: 1,
                periodUnit: 'wk' as const,
              },
            },
          }),
        description: `${techniqueConcept(t.code).text} — ${regionText(t.region, t.side)}: ${t.minutes} min, ${t.pressure} pressure. ${t.rationale}`,
      },
    };
  };
  const homeActivities = plan.homeProgram.map((h) => {
    const goalsOf = goalsServing(h.goalTypes);
    return {
      detail: {
        code: homeExerciseConcept(h.code),
        ...(goalsOf.length > 0 && { goal: goalsOf }),
        // Done by the patient at home: taken as started once the patient has been seen (and instructed) in a session.
        status: activityStatus(plan.status, sessions.length > 0),
        scheduledString: h.frequency,
        performer: [patientRef],
        ...(h.instructions && { description: h.instructions }),
      },
    };
  });

  const carePlan: FhirCarePlan = {
    resourceType: 'CarePlan',
    id: plan.id,
    meta: { versionId: String(plan.version), lastUpdated: plan.updatedAt },
    identifier: [{ use: 'official', system: MANUPLAN_SYSTEMS.planId, value: plan.id }],
    status: CARE_PLAN_STATUS[plan.status],
    intent: 'plan',
    category: [{ text: 'Medical massage and manual therapy plan of care' }],
    title: `Manual therapy plan (${plan.screening.decision.replace(/_/g, ' ')})`,
    ...(plan.summary && { description: plan.summary }),
    subject: patientRef,
    period: { start, ...(weeksEnd && { end: weeksEnd }) },
    created: plan.createdAt,
    ...(conditions.length > 0 && { addresses: conditions.map((c) => ref(c.id)) }),
    ...(baselines.length > 0 && { supportingInfo: baselines.map((o) => ref(o.id)) }),
    ...(goals.length > 0 && { goal: goals.map((g) => ref(g.id)) }),
    activity: [...plan.techniques.map(techniqueActivity), ...homeActivities],
    // FHIR strings are never empty: blank notes are left out.
    note: [
      ...(plan.notes?.trim() ? [{ text: plan.notes }] : []),
      ...plan.precautions.map((text) => ({ text: `Precaution: ${text}` })),
      ...plan.screening.findings.map((f) => ({ text: `Screening (${f.severity}): ${f.message}` })),
    ],
  };
  if (carePlan.note!.length === 0) delete carePlan.note;

  const resources: FhirResource[] = [toFhirPatient(patient), carePlan, ...conditions, ...goals, ...baselines, ...procedures, ...sessionObservations];
  // Repeated exports of unchanged data are identical: the bundle's time is the last change it contains.
  const timestamp = latest(plan.updatedAt, patient.updatedAt, ...sessions.map((s) => s.createdAt));
  return {
    resourceType: 'Bundle',
    meta: { lastUpdated: timestamp },
    type: 'collection',
    timestamp,
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}

export function toFhirPatient(patient: Patient): FhirPatient {
  const given = patient.firstName ? [patient.firstName] : undefined;
  return {
    resourceType: 'Patient',
    id: patient.id,
    meta: { versionId: String(patient.version), lastUpdated: patient.updatedAt },
    identifier: [
      ...(patient.externalId ? [{ use: 'usual' as const, system: MANUPLAN_SYSTEMS.patientExternalId, value: patient.externalId }] : []),
      { use: 'secondary', system: MANUPLAN_SYSTEMS.patientId, value: patient.id },
    ],
    ...((patient.lastName || given) && {
      name: [{ use: 'official' as const, ...(patient.lastName && { family: patient.lastName }), ...(given && { given }) }],
    }),
    ...(patient.sex && { gender: patient.sex }),
    ...(patient.birthDate && { birthDate: patient.birthDate }),
  };
}

/** "Pain relief: Pain, numeric rating scale 0–10 from 7 to at most 3 by week 6". */
function goalText(goal: PlanGoal, key: MeasureKey): string {
  const bound = goal.direction === 'lower_is_better' ? 'at most' : 'at least';
  const from = goal.baseline === null ? 'from the first session’s value' : `from ${goal.baseline}`;
  const to = goal.target === null ? 'a clinically important change' : `${bound} ${goal.target}`;
  return `${goalTypeLabel(goal.type)}: ${measureText(key)} ${from} to ${to}${goal.byWeek > 0 ? ` by week ${goal.byWeek}` : ''}`;
}

/**
 * Where a delivered technique was applied. A session lists its techniques and regions apart, so a
 * technique is placed on the session's regions where the plan has it (with the plan's side), else
 * on all of the session's regions.
 */
function sessionSites(planned: PlanTechnique[], code: string, regions: RegionCode[]): { region: RegionCode; side?: Side }[] {
  const matches = planned.filter((t) => t.code === code && regions.includes(t.region));
  if (matches.length > 0) return [...new Map(matches.map((t) => [`${t.region}/${t.side ?? ''}`, { region: t.region, side: t.side }])).values()];
  return regions.map((region) => ({ region }));
}

function sessionNotes(session: Session): { text: string }[] | undefined {
  const n = session.notes;
  if (!n) return undefined;
  const parts = (['subjective', 'objective', 'assessment', 'plan'] as const).filter((k) => n[k]).map((k) => `${k[0]!.toUpperCase()}: ${n[k]}`);
  return parts.length > 0 ? [{ text: `Session notes (SOAP). ${parts.join(' ')}` }] : undefined;
}
