// The structured screen (SPEC §8): questions a therapist reads to the patient, each raising one catalog
// red flag or condition when answered "yes". The free-text reader is only the safety net behind them.
// Question sets follow the team reference "Screening in detail" (AHCPR cauda equina, IFOMPT 2020
// cervical arteries, Wells items for DVT, cardiac warning signs, systemic red flags).
import type { ConditionCode } from './catalog.conditions';
import type { MechanismCode } from './catalog.goals';
import type { RegionCode } from './catalog.regions';
import type { SourceId } from './catalog.sources';

/** Where a question is asked: any criterion that matches makes it apply. */
export interface QuestionScope {
  always: boolean;
  regions: RegionCode[];
  /** Regions where the question applies only with nerve-like pain (radiating, shooting, numbness, tingling). */
  nerveSymptomRegions: RegionCode[];
  mechanisms: MechanismCode[];
  /** Applies from this age on (years); null: any age. */
  minAge: number | null;
}

export interface ScreeningQuestionEntry {
  group: ScreeningGroup;
  question: string;
  redFlag: ConditionCode;
  appliesTo: QuestionScope;
  sourceIds: SourceId[];
}

export const SCREENING_GROUPS = ['cauda_equina', 'cervical_artery', 'myelopathy', 'dvt', 'cardiac', 'systemic', 'falls'] as const;
export type ScreeningGroup = (typeof SCREENING_GROUPS)[number];

export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];

export const SCREENING_QUESTION_CODES = [
  'saddle_numbness',
  'bladder_change',
  'bowel_change',
  'sexual_dysfunction',
  'leg_weakness',
  'dizziness',
  'double_vision',
  'speech_swallowing',
  'face_numbness_nausea',
  'new_severe_headache',
  'hand_clumsiness',
  'gait_change',
  'calf_swelling',
  'recent_immobility',
  'previous_dvt',
  'exertional_discomfort',
  'breathless_sweating',
  'fever',
  'weight_loss',
  'constant_night_pain',
  'cancer_history',
  'blood_thinners',
  'recent_fall',
] as const;
export type ScreeningQuestionCode = (typeof SCREENING_QUESTION_CODES)[number];

const LEGS: RegionCode[] = ['hip', 'thigh', 'hamstring', 'knee', 'calf', 'ankle_foot'];
const scope = (extra: Partial<QuestionScope>): QuestionScope => ({
  always: false,
  regions: [],
  nerveSymptomRegions: [],
  mechanisms: [],
  minAge: null,
  ...extra,
});

// Cauda equina: low back, pelvis and buttock, or a leg with nerve-like symptoms (sciatica).
const CAUDA_EQUINA = scope({ regions: ['lower_back', 'sacroiliac', 'gluteal'], nerveSymptomRegions: LEGS });
// Cervical arteries: neck, head, jaw and upper back, and any trauma (whiplash) whatever hurts.
const CERVICAL = scope({ regions: ['neck', 'head', 'jaw', 'upper_back'], mechanisms: ['trauma'] });
const MYELOPATHY = scope({ regions: ['neck'] });
// DVT: any leg complaint, and every post-surgical patient (major surgery within 12 weeks is a Wells item).
const DVT = scope({ regions: LEGS, mechanisms: ['post_surgical'] });
const CARDIAC = scope({ regions: ['chest', 'upper_arm', 'shoulder', 'jaw', 'neck', 'upper_back'] });
const ALWAYS = scope({ always: true });

export const SCREENING_QUESTIONS: Record<ScreeningQuestionCode, ScreeningQuestionEntry> = {
  saddle_numbness: {
    group: 'cauda_equina',
    question:
      'Have you noticed numbness or a strange feeling between your legs or around your bottom — for example, not feeling the toilet paper when you wipe?',
    redFlag: 'saddle_anesthesia',
    appliesTo: CAUDA_EQUINA,
    sourceIds: ['ahcpr_1994', 'manuplan_reference'],
  },
  bladder_change: {
    group: 'cauda_equina',
    question: 'Since this started, have you had any new trouble passing urine, leaking, or not feeling when your bladder is full or when you pass urine?',
    redFlag: 'bladder_bowel_dysfunction',
    appliesTo: CAUDA_EQUINA,
    sourceIds: ['ahcpr_1994', 'manuplan_reference'],
  },
  bowel_change: {
    group: 'cauda_equina',
    question: 'Have you had any new accidents with your bowels, or not been able to control or feel them?',
    redFlag: 'bladder_bowel_dysfunction',
    appliesTo: CAUDA_EQUINA,
    sourceIds: ['ahcpr_1994', 'manuplan_reference'],
  },
  sexual_dysfunction: {
    group: 'cauda_equina',
    question: 'Have you noticed any new change in sexual function or sensation since this started?',
    redFlag: 'cauda_equina_signs',
    appliesTo: CAUDA_EQUINA,
    sourceIds: ['manuplan_reference'],
  },
  leg_weakness: {
    group: 'cauda_equina',
    question: 'Are one or both of your legs getting weaker — for example, your foot slapping down or catching your toes when you walk?',
    redFlag: 'progressive_weakness',
    appliesTo: CAUDA_EQUINA,
    sourceIds: ['ahcpr_1994', 'manuplan_reference'],
  },
  dizziness: {
    group: 'cervical_artery',
    question: 'Do you get dizzy or light-headed, or have you suddenly fallen to the ground without losing consciousness?',
    redFlag: 'cervical_artery_dissection_signs',
    appliesTo: CERVICAL,
    sourceIds: ['ifompt_2020', 'manuplan_reference'],
  },
  double_vision: {
    group: 'cervical_artery',
    question: 'Have you had double vision or any sudden change in your eyesight?',
    redFlag: 'cervical_artery_dissection_signs',
    appliesTo: CERVICAL,
    sourceIds: ['ifompt_2020'],
  },
  speech_swallowing: {
    group: 'cervical_artery',
    question: 'Have you had any trouble speaking clearly or swallowing?',
    redFlag: 'cervical_artery_dissection_signs',
    appliesTo: CERVICAL,
    sourceIds: ['ifompt_2020'],
  },
  face_numbness_nausea: {
    group: 'cervical_artery',
    question: 'Have you felt sick, had numbness in your face, or been unsteady on your feet?',
    redFlag: 'cervical_artery_dissection_signs',
    appliesTo: CERVICAL,
    sourceIds: ['ifompt_2020'],
  },
  new_severe_headache: {
    group: 'cervical_artery',
    question: 'Is this a new, unusual or very severe headache or neck pain, especially after a neck injury or having your neck manipulated?',
    redFlag: 'cervical_artery_dissection_signs',
    appliesTo: CERVICAL,
    sourceIds: ['ifompt_2020', 'manuplan_reference'],
  },
  hand_clumsiness: {
    group: 'myelopathy',
    question: 'Are both of your hands numb or clumsy — for example, trouble with buttons or dropping things?',
    redFlag: 'myelopathy_signs',
    appliesTo: MYELOPATHY,
    sourceIds: ['ifompt_2020', 'manuplan_reference'],
  },
  gait_change: {
    group: 'myelopathy',
    question: 'Has your walking become unsteady, or do you get electric-shock feelings down your back when you bend your neck?',
    redFlag: 'myelopathy_signs',
    appliesTo: MYELOPATHY,
    sourceIds: ['ifompt_2020', 'manuplan_reference'],
  },
  calf_swelling: {
    group: 'dvt',
    question: 'Is one calf or leg swollen, warm, red or tender compared with the other?',
    redFlag: 'deep_vein_thrombosis',
    appliesTo: DVT,
    sourceIds: ['wells_1997', 'manuplan_reference'],
  },
  recent_immobility: {
    group: 'dvt',
    question: 'In the last 12 weeks have you had an operation, a cast, been in bed for 3 days or more, or made a long journey (over 4 hours)?',
    redFlag: 'dvt_risk_factor',
    appliesTo: DVT,
    sourceIds: ['wells_1997', 'manuplan_reference'],
  },
  previous_dvt: {
    group: 'dvt',
    question: 'Have you ever had a blood clot in a leg or lung?',
    redFlag: 'dvt_history',
    appliesTo: DVT,
    sourceIds: ['wells_1997', 'manuplan_reference'],
  },
  exertional_discomfort: {
    group: 'cardiac',
    question: 'Do you get discomfort in your chest, arm, jaw or neck when you exert yourself (stairs, walking uphill) that eases when you rest?',
    redFlag: 'cardiac_symptoms',
    appliesTo: CARDIAC,
    sourceIds: ['manuplan_reference', 'acc_aha_2017'],
  },
  breathless_sweating: {
    group: 'cardiac',
    question: 'Do you get unusually short of breath, sweaty, sick or a racing heart with this pain?',
    redFlag: 'cardiac_symptoms',
    appliesTo: CARDIAC,
    sourceIds: ['manuplan_reference'],
  },
  fever: {
    group: 'systemic',
    question: 'Do you have a fever or chills, or feel generally unwell, at the moment?',
    redFlag: 'fever',
    appliesTo: ALWAYS,
    sourceIds: ['ahcpr_1994', 'manuplan_reference'],
  },
  weight_loss: {
    group: 'systemic',
    question: 'Have you lost weight recently without trying?',
    redFlag: 'unexplained_weight_loss',
    appliesTo: ALWAYS,
    sourceIds: ['ahcpr_1994'],
  },
  constant_night_pain: {
    group: 'systemic',
    question: 'Is the pain constant through the night, and not eased by changing position?',
    redFlag: 'night_pain',
    appliesTo: ALWAYS,
    sourceIds: ['ahcpr_1994', 'manuplan_reference'],
  },
  cancer_history: {
    group: 'systemic',
    question: 'Have you ever been treated for cancer?',
    redFlag: 'cancer',
    appliesTo: ALWAYS,
    sourceIds: ['ahcpr_1994', 'manuplan_reference'],
  },
  blood_thinners: {
    group: 'systemic',
    question: 'Do you take blood thinners such as warfarin, apixaban (Eliquis), rivaroxaban (Xarelto), dabigatran or heparin injections?',
    redFlag: 'anticoagulants',
    appliesTo: ALWAYS,
    sourceIds: ['manuplan_reference'],
  },
  recent_fall: {
    group: 'falls',
    question: 'Did this start after a fall or a knock, even a small one?',
    redFlag: 'suspected_fracture',
    appliesTo: scope({ minAge: 65 }),
    sourceIds: ['ahcpr_1994', 'stiell_2001'],
  },
};
