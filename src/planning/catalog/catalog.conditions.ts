import type { ConditionEntry, EscalationEntry } from './catalog.types';

// Sources disagree widely on massage contraindications (Batavia 2004: 3 to 86 per text); this is the
// conservative consensus set of the team reference. A code means the same in `conditions` and `redFlags`.
export const CONDITION_CODES = [
  'deep_vein_thrombosis',
  'fever',
  'acute_infection',
  'anticoagulants',
  'pregnancy',
  'osteoporosis',
  'cancer',
  'recent_fracture',
  'open_wound',
  'bladder_bowel_dysfunction',
  'saddle_anesthesia',
  'progressive_weakness',
  'unexplained_weight_loss',
  'contagious_illness',
  'uncontrolled_hypertension',
  'bleeding_disorder',
  'diabetic_neuropathy',
  'fragile_skin',
  'heart_disease',
  'recent_neck_trauma',
  'recent_surgery_site',
  'tumour_site',
  'local_infection',
  'varicose_veins',
  'aneurysm',
  'burn',
  'radiation_skin',
  'night_pain',
  'chest_pain',
  'cervical_artery_dissection_signs',
  'myelopathy_signs',
  'major_trauma',
  'iv_drug_use_immunosuppression',
  'pulsating_abdominal_mass',
  'suspected_fracture',
  'spinal_malignancy_risk',
  'spinal_infection_signs',
  'cardiac_symptoms',
  'cauda_equina_signs',
  'high_risk_pregnancy',
  'lymphoedema',
  'fibromyalgia',
  'osteopenia',
  'antiplatelets',
  'dvt_history',
  'dvt_risk_factor',
  'elevated_blood_pressure',
  'abnormal_heart_rate',
  'controlled_hypertension',
  'injection_site',
] as const;
export type ConditionCode = (typeof CONDITION_CODES)[number];

/** Conditions of the skin at one place: a blister, a burn, a wound and its infection are often one lesion told twice. */
export const SKIN_LESION_CODES: ReadonlySet<ConditionCode> = new Set(['open_wound', 'burn', 'local_infection']);

const redFlag = (label: string, message: string, sourceIds: ConditionEntry['sourceIds']): ConditionEntry => ({
  label,
  kind: 'red_flag',
  scope: 'systemic',
  severity: 'stop',
  decision: 'refer',
  effects: [],
  defaultRegions: [],
  message,
  sourceIds,
});

const local = (label: string, message: string, extra: Partial<ConditionEntry> = {}): ConditionEntry => ({
  label,
  kind: 'contraindication',
  scope: 'local',
  severity: 'caution',
  decision: null,
  effects: [{ type: 'avoid_region' }],
  defaultRegions: [],
  message,
  sourceIds: ['manuplan_reference', 'batavia_2004'],
  ...extra,
});

const deferral = (label: string, decision: 'refer' | 'postpone', message: string, sourceIds: ConditionEntry['sourceIds']): ConditionEntry => ({
  label,
  kind: 'contraindication',
  scope: 'systemic',
  severity: 'stop',
  decision,
  effects: [],
  defaultRegions: [],
  message,
  sourceIds,
});

const precaution = (label: string, effects: ConditionEntry['effects'], message: string, sourceIds: ConditionEntry['sourceIds']): ConditionEntry => ({
  label,
  kind: 'precaution',
  scope: 'systemic',
  severity: 'caution',
  decision: null,
  effects,
  defaultRegions: [],
  message,
  sourceIds,
});

export const CONDITIONS: Record<ConditionCode, ConditionEntry> = {
  deep_vein_thrombosis: deferral(
    'Deep vein thrombosis (suspected or known)',
    'refer',
    'Suspected or known deep vein thrombosis: massage could dislodge a clot. No hands-on treatment; refer for medical assessment the same day.',
    ['manuplan_reference', 'wells_1997', 'batavia_2004'],
  ),
  fever: deferral(
    'Fever',
    'postpone',
    'Fever: defer treatment until it has resolved. With back or neck pain, fever is also a red flag for infection (AHCPR): medical review if it persists.',
    ['manuplan_reference', 'ahcpr_1994'],
  ),
  acute_infection: deferral('Acute systemic infection', 'postpone', 'Acute systemic infection: defer treatment until recovered.', [
    'manuplan_reference',
    'batavia_2004',
  ]),
  contagious_illness: deferral(
    'Contagious illness',
    'postpone',
    'Contagious illness: defer treatment until no longer infectious, to protect patient, therapist and others.',
    ['manuplan_reference'],
  ),
  uncontrolled_hypertension: deferral('Uncontrolled severe hypertension', 'refer', 'Uncontrolled severe hypertension: needs medical care before massage.', [
    'manuplan_reference',
    'batavia_2004',
  ]),
  anticoagulants: precaution(
    'Anticoagulant medication (warfarin, apixaban, rivaroxaban, dabigatran, heparins)',
    [{ type: 'max_pressure', pressure: 'light' }],
    'Anticoagulants: bruising and bleeding risk — light pressure only, no deep or friction work.',
    ['manuplan_reference', 'batavia_2004'],
  ),
  bleeding_disorder: precaution(
    'Bleeding disorder',
    [{ type: 'max_pressure', pressure: 'light' }],
    'Bleeding disorder: light pressure only, no deep or friction work.',
    ['manuplan_reference'],
  ),
  osteoporosis: precaution(
    'Osteoporosis',
    [
      { type: 'max_pressure', pressure: 'light' },
      { type: 'forbid_technique', techniques: ['joint_mobilisation'] },
    ],
    'Osteoporosis: fragile bone — light pressure, no joint mobilisation, no loaded spinal flexion in the home program (Sinaki 1984).',
    ['manuplan_reference', 'sinaki_1984'],
  ),
  pregnancy: precaution(
    'Pregnancy',
    [
      { type: 'avoid_region', regions: ['abdomen'] },
      { type: 'max_pressure', pressure: 'moderate', regions: ['calf', 'thigh'] },
      { type: 'positioning', instruction: 'Pregnancy: side-lying (or semi-reclined with support) after the first trimester; no prone lying on the abdomen.' },
    ],
    'Pregnancy: no abdominal work, side-lying positioning after the first trimester, no deep pressure on the legs (raised clotting risk). A high-risk pregnancy needs obstetric clearance.',
    ['manuplan_reference'],
  ),
  cancer: precaution(
    'Cancer (current or history)',
    [
      { type: 'clearance', from: 'the treating oncologist or physician' },
      { type: 'max_pressure', pressure: 'moderate' },
      { type: 'forbid_technique', techniques: ['joint_mobilisation'] },
    ],
    'Cancer: physician clearance, no direct pressure over a tumour site, moderate pressure at most and no joint mobilisation (possible bone involvement).',
    ['manuplan_reference', 'batavia_2004'],
  ),
  recent_fracture: local('Recent fracture', 'Recent fracture: the region is left alone until the fracture has healed.'),
  open_wound: local('Open or healing wound', 'Open or healing wound: the region is left alone.'),
  bladder_bowel_dysfunction: redFlag(
    'Bladder or bowel dysfunction (retention, incontinence)',
    'Bladder or bowel dysfunction: possible cauda equina syndrome — urgent medical referral, no treatment.',
    ['ahcpr_1994', 'manuplan_reference'],
  ),
  saddle_anesthesia: redFlag(
    'Saddle anaesthesia (numb groin, perineum, inner thighs)',
    'Saddle anaesthesia: possible cauda equina syndrome — urgent medical referral, no treatment.',
    ['ahcpr_1994', 'manuplan_reference'],
  ),
  progressive_weakness: redFlag(
    'Progressive or severe weakness (e.g. foot drop)',
    'Progressive neurological weakness: refer for medical assessment before any treatment.',
    ['ahcpr_1994', 'ifompt_2020'],
  ),
  unexplained_weight_loss: redFlag('Unexplained weight loss', 'Unexplained weight loss: possible tumour or infection — refer for medical assessment.', [
    'ahcpr_1994',
  ]),
  diabetic_neuropathy: precaution(
    'Diabetic or peripheral neuropathy',
    [
      { type: 'max_pressure', pressure: 'moderate' },
      { type: 'max_pressure', pressure: 'light', regions: ['thigh', 'knee', 'calf', 'ankle_foot', 'wrist_hand'] },
    ],
    'Neuropathy: reduced sensation cannot warn of too much pressure — reduced pressure, light on the legs, feet and hands; no heat packs.',
    ['manuplan_reference'],
  ),
  fragile_skin: precaution(
    'Fragile skin',
    [
      { type: 'max_pressure', pressure: 'light' },
      { type: 'forbid_technique', techniques: ['cross_fiber_friction', 'myofascial_release', 'scar_mobilisation'] },
    ],
    'Fragile skin: light pressure, no shearing techniques (friction, myofascial release).',
    ['manuplan_reference'],
  ),
  heart_disease: precaution(
    'Heart disease',
    [
      { type: 'clearance', from: 'the patient’s physician or cardiologist' },
      { type: 'forbid_technique', techniques: ['manual_lymphatic_drainage'] },
    ],
    'Heart disease: physician clearance; no manual lymphatic drainage (fluid load on a weak heart, Földi).',
    ['manuplan_reference', 'foldi_lymphology'],
  ),
  recent_neck_trauma: precaution(
    'Recent neck trauma',
    [
      { type: 'clearance', from: 'a physician (fracture and instability excluded, Canadian C-spine rule)' },
      { type: 'max_pressure', pressure: 'light', regions: ['neck'] },
      { type: 'forbid_technique', techniques: ['joint_mobilisation', 'muscle_energy_technique', 'pnf_stretching'], regions: ['neck'] },
    ],
    'Recent neck trauma is a red flag before manual therapy (IFOMPT): confirm medical clearance; light work on the neck, no mobilisation or stretching of it.',
    ['ifompt_2020', 'stiell_2001'],
  ),
  recent_surgery_site: local('Recent surgery site', 'Recent surgery: no work on the incision until it has closed; scar work after that.', {
    effects: [{ type: 'surgical_site' }],
    sourceIds: ['manuplan_reference', 'wound_healing'],
  }),
  tumour_site: local('Tumour site', 'Tumour site: no direct pressure over it; the region is left alone.'),
  local_infection: local(
    'Local infection or acute inflammation',
    'Local infection or acute inflammation (red, hot, swollen): the region is left alone; medical review if it spreads.',
  ),
  varicose_veins: local('Varicose veins', 'Varicose veins: no direct pressure over them; the region is left alone.', { defaultRegions: ['calf', 'thigh'] }),
  aneurysm: local('Aneurysm', 'Aneurysm: no pressure over it (abdomen unless located elsewhere).', { defaultRegions: ['abdomen'] }),
  burn: local('Burn', 'Burn: the region is left alone until healed.'),
  injection_site: local(
    'Recent injection site',
    'Recent injection site (insulin and other prescribed injections): no pressure over it, so that the dose is not spread or the site bruised; the region is left alone.',
    { defaultRegions: ['abdomen'] },
  ),
  radiation_skin: local('Radiation-inflamed skin', 'Radiation-inflamed skin: the region is left alone.'),
  night_pain: redFlag(
    'Night pain (unremitting, or worse lying down)',
    'Unremitting night pain or pain worse lying down: possible tumour or infection — refer for medical assessment.',
    ['ahcpr_1994', 'ifompt_2020'],
  ),
  chest_pain: redFlag(
    'Chest pain or shortness of breath',
    'Chest pain or shortness of breath: a medical emergency, not a massage complaint — urgent medical referral.',
    ['manuplan_reference'],
  ),
  cervical_artery_dissection_signs: redFlag(
    'Signs of cervical artery dissection',
    'Signs of cervical artery dissection (sudden severe headache, dizziness, double vision, trouble speaking or swallowing): emergency referral, no neck treatment.',
    ['ifompt_2020'],
  ),
  myelopathy_signs: redFlag(
    'Signs of cervical myelopathy',
    'Signs of myelopathy (clumsy hands, unsteady gait, electric shocks down the spine): refer for medical assessment.',
    ['ifompt_2020'],
  ),
  major_trauma: redFlag('Major trauma', 'Recent major trauma (vehicle accident, fall from height): fracture must be excluded first — refer.', [
    'ahcpr_1994',
    'ifompt_2020',
  ]),
  iv_drug_use_immunosuppression: redFlag(
    'IV drug use or immunosuppression',
    'IV drug use or immunosuppression with back or neck pain: risk of spinal infection (AHCPR) — refer for medical assessment.',
    ['ahcpr_1994'],
  ),
  pulsating_abdominal_mass: redFlag('Pulsating abdominal mass', 'Pulsating abdominal mass: possible aortic aneurysm — urgent medical referral.', [
    'ahcpr_1994',
  ]),
  suspected_fracture: redFlag('Suspected fracture', 'Possible fracture (trauma in an older or osteoporotic patient): imaging first — refer.', [
    'ahcpr_1994',
    'stiell_2001',
  ]),
  spinal_malignancy_risk: redFlag(
    'Spinal pain with cancer history after 50',
    'History of cancer with spinal pain after age 50: metastasis must be ruled out — refer.',
    ['ahcpr_1994'],
  ),
  spinal_infection_signs: redFlag(
    'Fever with spinal pain',
    'Fever with back, mid-back or neck pain: possible spinal infection (discitis, epidural abscess) — refer for medical assessment the same day.',
    ['ahcpr_1994'],
  ),
  cardiac_symptoms: redFlag(
    'Possible cardiac symptoms',
    'Chest, arm, jaw or neck discomfort brought on by exertion, breathlessness or sweating: possible acute coronary syndrome — emergency referral, whatever region hurts.',
    ['manuplan_reference', 'acc_aha_2017'],
  ),
  cauda_equina_signs: redFlag(
    'Signs of cauda equina syndrome',
    'Possible cauda equina syndrome (saddle numbness, new bladder, bowel or sexual dysfunction, leg weakness): emergency referral the same day, no treatment.',
    ['ahcpr_1994', 'manuplan_reference'],
  ),
  high_risk_pregnancy: deferral(
    'High-risk pregnancy',
    'refer',
    'High-risk pregnancy (pre-eclampsia signs — severe headache, visual disturbance, sudden swelling of face or hands —, bleeding, placenta praevia): obstetric clearance or urgent referral before massage.',
    ['manuplan_reference'],
  ),
  lymphoedema: local(
    'Lymphoedema',
    'Lymphoedema: manual lymphatic drainage by a trained therapist, light pressure only on the affected side, no deep work, no heat, no vigorous stretching of the limb; cellulitis in the limb → postpone.',
    {
      kind: 'precaution',
      effects: [
        { type: 'max_pressure', pressure: 'light' },
        { type: 'forbid_technique', techniques: ['cross_fiber_friction', 'pnf_stretching', 'muscle_energy_technique', 'joint_mobilisation'] },
      ],
      sourceIds: ['manuplan_reference', 'foldi_lymphology'],
    },
  ),
  fibromyalgia: precaution(
    'Fibromyalgia',
    [
      { type: 'max_pressure', pressure: 'moderate' },
      { type: 'forbid_technique', techniques: ['cross_fiber_friction'] },
    ],
    'Fibromyalgia: low pressure tolerance — light to moderate pressure guided by the patient, shorter first sessions; graded aerobic exercise has the strongest evidence (EULAR 2016).',
    ['manuplan_reference', 'eular_2016'],
  ),
  osteopenia: precaution(
    'Osteopenia',
    [
      { type: 'max_pressure', pressure: 'moderate' },
      { type: 'forbid_technique', techniques: ['joint_mobilisation'] },
    ],
    'Osteopenia: moderate pressure at most, no joint mobilisation or high-velocity work.',
    ['manuplan_reference'],
  ),
  antiplatelets: precaution(
    'Antiplatelet or long-term NSAID medication (aspirin, clopidogrel)',
    [
      { type: 'max_pressure', pressure: 'moderate' },
      { type: 'forbid_technique', techniques: ['cross_fiber_friction'] },
    ],
    'Antiplatelets or long-term NSAIDs: bruising risk — moderate pressure at most, no deep friction.',
    ['manuplan_reference'],
  ),
  dvt_history: local(
    'Previous deep vein thrombosis (treated, no current sign)',
    'Previous DVT, treated more than 3 months ago with no current sign: treat with caution — light pressure and no deep work on that leg; a DVT under 3 months or still being treated needs clearance.',
    {
      kind: 'precaution',
      effects: [
        { type: 'max_pressure', pressure: 'light' },
        { type: 'forbid_technique', techniques: ['cross_fiber_friction', 'trigger_point_therapy', 'neuromuscular_therapy', 'myofascial_release'] },
      ],
      defaultRegions: ['thigh', 'hamstring', 'knee', 'calf', 'ankle_foot'],
      sourceIds: ['manuplan_reference', 'wells_1997'],
    },
  ),
  dvt_risk_factor: precaution(
    'Risk factor for deep vein thrombosis',
    [{ type: 'max_pressure', pressure: 'light', regions: ['thigh', 'hamstring', 'knee', 'calf', 'ankle_foot'] }],
    'Risk factor for DVT (recent surgery, immobility, cast or long travel in the last 12 weeks): no deep work on the legs; check each visit for one-sided calf swelling, warmth, redness or tenderness.',
    ['manuplan_reference', 'wells_1997'],
  ),
  elevated_blood_pressure: precaution(
    'Elevated blood pressure (160–179 / 100–119)',
    [
      { type: 'clearance', from: 'the patient’s physician (blood pressure 160–179 systolic or 100–119 diastolic)' },
      { type: 'max_pressure', pressure: 'light' },
    ],
    'Blood pressure 160–179 systolic or 100–119 diastolic: medical clearance before hands-on work, light pressure.',
    ['manuplan_reference', 'acc_aha_2017'],
  ),
  abnormal_heart_rate: precaution(
    'Resting heart rate above 100 or below 50',
    [{ type: 'clearance', from: 'the patient’s physician (resting heart rate outside 50–100)' }],
    'Resting heart rate above 100 or below 50 with symptoms (dizziness, fainting, palpitations, breathlessness): medical clearance before treatment.',
    ['manuplan_reference'],
  ),
  controlled_hypertension: precaution(
    'Hypertension (controlled)',
    [{ type: 'positioning', instruction: 'Hypertension: avoid prolonged prone lying with the head down and vigorous work; sit up slowly after treatment.' }],
    'Controlled hypertension: treat; avoid prolonged prone lying with the head down and vigorous work.',
    ['manuplan_reference'],
  ),
};

export const ESCALATIONS: EscalationEntry[] = [
  {
    id: 'escalate.suspected_fracture',
    raises: 'suspected_fracture',
    all: ['trauma', 'recent'],
    any: ['osteoporosis', 'older_adult'],
    because: 'Minor trauma in an older (≥ 65) or osteoporotic patient can fracture bone (AHCPR red flag).',
    sourceIds: ['ahcpr_1994', 'stiell_2001'],
  },
  {
    id: 'escalate.spinal_malignancy_risk',
    raises: 'spinal_malignancy_risk',
    all: ['cancer', 'low_back_pain', 'age_50_plus'],
    any: [],
    because: 'History of cancer with low back pain after age 50 (AHCPR low back red flag for tumour; the IFOMPT neck list does not include it).',
    sourceIds: ['ahcpr_1994'],
  },
  {
    id: 'escalate.spinal_infection_signs',
    raises: 'spinal_infection_signs',
    all: ['fever', 'spinal_pain'],
    any: [],
    because:
      'Fever with spinal pain (neck, mid or low back): a red flag for infection (AHCPR low back red flags: fever/chills, tumour or infection) — refer, not only postpone.',
    sourceIds: ['ahcpr_1994'],
  },
  {
    id: 'escalate.recent_neck_trauma',
    raises: 'recent_neck_trauma',
    all: ['trauma', 'recent', 'neck_pain'],
    any: [],
    because: 'Neck pain after recent trauma (IFOMPT: recent trauma is a red flag before manual therapy of the neck).',
    sourceIds: ['ifompt_2020', 'stiell_2001'],
  },
  {
    id: 'escalate.pregnancy_blood_pressure',
    raises: 'high_risk_pregnancy',
    all: ['pregnancy'],
    any: ['elevated_blood_pressure', 'uncontrolled_hypertension'],
    because: 'Raised blood pressure in pregnancy is a pre-eclampsia sign: obstetric clearance or urgent referral (team reference, "More conditions").',
    sourceIds: ['manuplan_reference', 'acc_aha_2017'],
  },
  {
    id: 'escalate.lymphoedema_cellulitis',
    raises: 'acute_infection',
    all: ['lymphoedema', 'local_infection'],
    any: [],
    because: 'A red, hot limb with lymphoedema is cellulitis until shown otherwise: postpone (team reference, "More conditions").',
    sourceIds: ['manuplan_reference', 'foldi_lymphology'],
  },
];
