// Every condition and red flag of the catalog, one case each: what the decision is and what the code
// changes in the plan. The table is a Record over the catalog's codes, so a new catalog entry does not
// compile until it has a case here.
import type { AssessmentInput } from '../../src/contracts/assessment.contract';
import type { Decision, PlanContent } from '../../src/contracts/plan.contract';
import type { ConditionCode } from '../../src/planning/catalog/catalog.conditions';
import { assessment, findingCodes, handsOn, plan, techniqueCodes, TODAY } from './planning.fixtures';

interface ConditionCase {
  input: AssessmentInput;
  decision: Decision;
  check?: (p: PlanContent) => void;
}

const coded = (code: ConditionCode, extra: Parameters<typeof assessment>[0] = {}) =>
  assessment({ ...extra, screening: { conditions: [code], redFlags: [], age: 45, ...extra.screening } });
const local = (code: ConditionCode, region: string, side: 'left' | 'right' | undefined, painLocations: NonNullable<AssessmentInput['painLocations']>) =>
  assessment({
    painLocations,
    screening: { conditions: [side ? { code, region: region as never, side } : { code, region: region as never }], redFlags: [], age: 45 },
  });

const noTreatment = (p: PlanContent) => {
  expect(p.techniques).toEqual([]);
  expect(p.homeProgram).toEqual([]);
  expect(p.billing).toEqual([]);
  expect(p.schedule.totalSessions).toBe(0);
};
const allLight = (p: PlanContent) => {
  expect(handsOn(p).length).toBeGreaterThan(0);
  for (const t of handsOn(p)) expect(t.pressure).toBe('light');
};
const nothingOn = (region: string, side?: string) => (p: PlanContent) => {
  const on = p.techniques.filter((t) => t.region === region && (side === undefined || t.side === side || t.side === 'bilateral'));
  expect(on).toEqual([]);
};

const CASES: Record<ConditionCode, ConditionCase> = {
  deep_vein_thrombosis: { input: coded('deep_vein_thrombosis'), decision: 'refer', check: noTreatment },
  // With spinal pain fever is the infection red flag (spinal_infection_signs): refer.
  fever: { input: coded('fever', { painLocations: [{ region: 'shoulder', side: 'left', intensity: 4 }] }), decision: 'postpone', check: noTreatment },
  acute_infection: { input: coded('acute_infection'), decision: 'postpone', check: noTreatment },
  contagious_illness: { input: coded('contagious_illness'), decision: 'postpone', check: noTreatment },
  uncontrolled_hypertension: { input: coded('uncontrolled_hypertension'), decision: 'refer', check: noTreatment },
  anticoagulants: {
    input: coded('anticoagulants'),
    decision: 'treat_with_precautions',
    check: (p) => {
      allLight(p);
      expect(techniqueCodes(p)).not.toContain('trigger_point_therapy');
      expect(techniqueCodes(p)).not.toContain('cross_fiber_friction');
    },
  },
  bleeding_disorder: { input: coded('bleeding_disorder'), decision: 'treat_with_precautions', check: allLight },
  osteoporosis: {
    input: coded('osteoporosis', { measures: { painNrs: 5, rom: [{ joint: 'lumbar', movement: 'flexion', degrees: 40 }] } }),
    decision: 'treat_with_precautions',
    check: (p) => {
      allLight(p);
      expect(techniqueCodes(p)).not.toContain('joint_mobilisation');
      // Loaded spinal flexion raised vertebral fractures in osteoporosis (Sinaki 1984).
      expect(p.homeProgram.map((h) => h.code)).not.toContain('knee_to_chest');
    },
  },
  pregnancy: {
    input: coded('pregnancy', {
      painLocations: [
        { region: 'abdomen', intensity: 4 },
        { region: 'lower_back', intensity: 5 },
        { region: 'calf', side: 'left', intensity: 3 },
      ],
    }),
    decision: 'treat_with_precautions',
    check: (p) => {
      nothingOn('abdomen')(p);
      expect(p.precautions.join(' ')).toMatch(/side-lying/i);
      for (const t of p.techniques.filter((x) => x.region === 'calf' || x.region === 'thigh')) expect(t.pressure).not.toBe('firm');
    },
  },
  cancer: {
    input: coded('cancer'),
    decision: 'treat_with_precautions',
    check: (p) => {
      expect(p.precautions.join(' ')).toMatch(/clearance/i);
      for (const t of p.techniques) expect(t.pressure).not.toBe('firm');
      expect(techniqueCodes(p)).not.toContain('joint_mobilisation');
    },
  },
  diabetic_neuropathy: {
    input: coded('diabetic_neuropathy', {
      painLocations: [
        { region: 'ankle_foot', side: 'right', intensity: 5 },
        { region: 'lower_back', intensity: 4 },
      ],
    }),
    decision: 'treat_with_precautions',
    check: (p) => {
      for (const t of p.techniques.filter((x) => x.region === 'ankle_foot')) expect(t.pressure).toBe('light');
      for (const t of p.techniques) expect(t.pressure).not.toBe('firm');
      expect(p.homeProgram.map((h) => h.code)).not.toContain('heat_self_care');
    },
  },
  fragile_skin: {
    input: coded('fragile_skin'),
    decision: 'treat_with_precautions',
    check: (p) => {
      allLight(p);
      expect(techniqueCodes(p)).not.toContain('myofascial_release');
      expect(techniqueCodes(p)).not.toContain('cross_fiber_friction');
    },
  },
  heart_disease: {
    input: coded('heart_disease', {
      mechanism: 'post_surgical',
      durationWeeks: 3,
      painLocations: [{ region: 'knee', side: 'right', intensity: 5 }],
      goals: [{ type: 'injury_rehabilitation', priority: 1 }],
      measures: {},
    }),
    decision: 'treat_with_precautions',
    check: (p) => {
      expect(techniqueCodes(p)).not.toContain('manual_lymphatic_drainage');
      expect(p.precautions.join(' ')).toMatch(/clearance/i);
    },
  },
  recent_neck_trauma: {
    input: coded('recent_neck_trauma', {
      painLocations: [{ region: 'neck', intensity: 5 }],
      measures: { painNrs: 5, rom: [{ joint: 'cervical', movement: 'rotation', degrees: 50 }] },
    }),
    decision: 'treat_with_precautions',
    check: (p) => {
      for (const t of p.techniques.filter((x) => x.region === 'neck')) {
        expect(t.pressure).toBe('light');
        expect(['joint_mobilisation', 'muscle_energy_technique', 'pnf_stretching']).not.toContain(t.code);
      }
      expect(p.precautions.join(' ')).toMatch(/clearance/i);
    },
  },
  recent_fracture: {
    input: local('recent_fracture', 'wrist_hand', 'right', [
      { region: 'wrist_hand', side: 'right', intensity: 6 },
      { region: 'forearm', side: 'right', intensity: 3 },
    ]),
    decision: 'treat_with_precautions',
    check: nothingOn('wrist_hand'),
  },
  open_wound: {
    input: local('open_wound', 'shoulder', 'left', [{ region: 'shoulder', side: 'bilateral', intensity: 5 }]),
    decision: 'treat_with_precautions',
    check: (p) => {
      const shoulder = p.techniques.filter((t) => t.region === 'shoulder');
      expect(shoulder.length).toBeGreaterThan(0);
      for (const t of shoulder) expect(t.side).toBe('right');
    },
  },
  recent_surgery_site: {
    input: assessment({
      painLocations: [
        { region: 'knee', side: 'right', intensity: 5 },
        { region: 'thigh', side: 'right', intensity: 3 },
      ],
      screening: { conditions: [{ code: 'recent_surgery_site', region: 'knee', side: 'right' }], redFlags: [], surgeryDate: '2025-02-24', age: 60 },
    }),
    decision: 'treat_with_precautions',
    check: nothingOn('knee', 'right'),
  },
  tumour_site: {
    input: local('tumour_site', 'thigh', 'left', [
      { region: 'thigh', side: 'left', intensity: 4 },
      { region: 'lower_back', intensity: 4 },
    ]),
    decision: 'treat_with_precautions',
    check: nothingOn('thigh', 'left'),
  },
  local_infection: {
    input: local('local_infection', 'calf', 'right', [
      { region: 'calf', side: 'right', intensity: 4 },
      { region: 'hamstring', side: 'right', intensity: 4 },
    ]),
    decision: 'treat_with_precautions',
    check: nothingOn('calf', 'right'),
  },
  varicose_veins: {
    // Location not recorded: the catalog assumes the lower legs and thighs.
    input: coded('varicose_veins', {
      painLocations: [
        { region: 'calf', side: 'left', intensity: 4 },
        { region: 'thigh', side: 'left', intensity: 4 },
        { region: 'lower_back', intensity: 5 },
      ],
    }),
    decision: 'treat_with_precautions',
    check: (p) => {
      nothingOn('calf')(p);
      nothingOn('thigh')(p);
      expect(p.techniques.some((t) => t.region === 'lower_back')).toBe(true);
    },
  },
  aneurysm: {
    input: coded('aneurysm', {
      painLocations: [
        { region: 'abdomen', intensity: 3 },
        { region: 'lower_back', intensity: 5 },
      ],
    }),
    decision: 'treat_with_precautions',
    check: nothingOn('abdomen'),
  },
  burn: {
    input: local('burn', 'upper_arm', 'left', [
      { region: 'upper_arm', side: 'left', intensity: 4 },
      { region: 'shoulder', side: 'left', intensity: 4 },
    ]),
    decision: 'treat_with_precautions',
    check: nothingOn('upper_arm', 'left'),
  },
  injection_site: {
    input: local('injection_site', 'thigh', 'left', [
      { region: 'thigh', side: 'bilateral', intensity: 4 },
      { region: 'lower_back', intensity: 4 },
    ]),
    decision: 'treat_with_precautions',
    check: nothingOn('thigh', 'left'),
  },
  radiation_skin: {
    input: local('radiation_skin', 'chest', 'left', [
      { region: 'chest', side: 'left', intensity: 4 },
      { region: 'upper_back', intensity: 4 },
    ]),
    decision: 'treat_with_precautions',
    check: nothingOn('chest', 'left'),
  },
  bladder_bowel_dysfunction: { input: coded('bladder_bowel_dysfunction'), decision: 'refer', check: noTreatment },
  saddle_anesthesia: { input: coded('saddle_anesthesia'), decision: 'refer', check: noTreatment },
  progressive_weakness: { input: coded('progressive_weakness'), decision: 'refer', check: noTreatment },
  unexplained_weight_loss: { input: coded('unexplained_weight_loss'), decision: 'refer', check: noTreatment },
  night_pain: { input: coded('night_pain'), decision: 'refer', check: noTreatment },
  chest_pain: { input: coded('chest_pain'), decision: 'refer', check: noTreatment },
  cervical_artery_dissection_signs: { input: coded('cervical_artery_dissection_signs'), decision: 'refer', check: noTreatment },
  myelopathy_signs: { input: coded('myelopathy_signs'), decision: 'refer', check: noTreatment },
  major_trauma: { input: coded('major_trauma'), decision: 'refer', check: noTreatment },
  iv_drug_use_immunosuppression: { input: coded('iv_drug_use_immunosuppression'), decision: 'refer', check: noTreatment },
  pulsating_abdominal_mass: { input: coded('pulsating_abdominal_mass'), decision: 'refer', check: noTreatment },
  suspected_fracture: { input: coded('suspected_fracture'), decision: 'refer', check: noTreatment },
  spinal_malignancy_risk: { input: coded('spinal_malignancy_risk'), decision: 'refer', check: noTreatment },
  spinal_infection_signs: { input: coded('spinal_infection_signs'), decision: 'refer', check: noTreatment },
  cardiac_symptoms: { input: coded('cardiac_symptoms'), decision: 'refer', check: noTreatment },
  cauda_equina_signs: { input: coded('cauda_equina_signs'), decision: 'refer', check: noTreatment },
  high_risk_pregnancy: { input: coded('high_risk_pregnancy'), decision: 'refer', check: noTreatment },
  lymphoedema: {
    input: local('lymphoedema', 'upper_arm', 'left', [
      { region: 'upper_arm', side: 'left', intensity: 4 },
      { region: 'neck', intensity: 5 },
    ]),
    decision: 'treat_with_precautions',
    check: (p) => {
      for (const t of p.techniques.filter((x) => x.region === 'upper_arm')) expect(t.pressure).toBe('light');
      expect(p.techniques.filter((x) => x.region === 'upper_arm').map((t) => t.code)).not.toContain('pnf_stretching');
    },
  },
  fibromyalgia: {
    input: coded('fibromyalgia'),
    decision: 'treat_with_precautions',
    check: (p) => {
      for (const t of p.techniques) expect(t.pressure).not.toBe('firm');
      expect(techniqueCodes(p)).not.toContain('cross_fiber_friction');
    },
  },
  osteopenia: {
    input: coded('osteopenia'),
    decision: 'treat_with_precautions',
    check: (p) => {
      for (const t of p.techniques) expect(t.pressure).not.toBe('firm');
      expect(techniqueCodes(p)).not.toContain('joint_mobilisation');
    },
  },
  antiplatelets: {
    input: coded('antiplatelets'),
    decision: 'treat_with_precautions',
    check: (p) => {
      for (const t of p.techniques) expect(t.pressure).not.toBe('firm');
      expect(techniqueCodes(p)).not.toContain('cross_fiber_friction');
    },
  },
  dvt_history: {
    input: local('dvt_history', 'calf', 'left', [
      { region: 'calf', side: 'left', intensity: 4 },
      { region: 'lower_back', intensity: 5 },
    ]),
    decision: 'treat_with_precautions',
    check: (p) => {
      for (const t of p.techniques.filter((x) => x.region === 'calf')) expect(t.pressure).toBe('light');
    },
  },
  dvt_risk_factor: {
    input: coded('dvt_risk_factor', { painLocations: [{ region: 'thigh', side: 'right', intensity: 4 }] }),
    decision: 'treat_with_precautions',
    check: (p) => {
      for (const t of p.techniques.filter((x) => x.region === 'thigh')) expect(t.pressure).toBe('light');
    },
  },
  elevated_blood_pressure: {
    input: coded('elevated_blood_pressure'),
    decision: 'treat_with_precautions',
    check: (p) => {
      allLight(p);
      expect(p.precautions.join(' ')).toMatch(/clearance/i);
    },
  },
  abnormal_heart_rate: {
    input: coded('abnormal_heart_rate'),
    decision: 'treat_with_precautions',
    check: (p) => expect(p.precautions.join(' ')).toMatch(/clearance/i),
  },
  controlled_hypertension: {
    input: coded('controlled_hypertension'),
    decision: 'treat_with_precautions',
    check: (p) => expect(p.precautions.join(' ')).toMatch(/prone/i),
  },
};

describe('every catalog condition and red flag', () => {
  it.each(Object.entries(CASES))('%s', (code, c) => {
    const p = plan(c.input, TODAY);
    expect(p.screening.decision).toBe(c.decision);
    const finding = p.screening.findings.find((f) => f.code === code);
    expect(finding).toBeDefined();
    expect(finding?.source).toBe('screening');
    expect(finding?.evidence).toContain(code);
    c.check?.(p);
    if (c.decision === 'refer' || c.decision === 'postpone') expect(p.summary).toMatch(c.decision === 'refer' ? /^Refer/ : /^Postpone/);
  });
});

describe('a code means the same in either list', () => {
  it('a red flag listed under conditions still refers', () => {
    const p = plan(assessment({ screening: { conditions: ['saddle_anesthesia'], redFlags: [] } }));
    expect(p.screening.decision).toBe('refer');
    expect(findingCodes(p)).toContain('saddle_anesthesia');
  });

  it('a precaution listed under red flags is still a precaution', () => {
    const p = plan(assessment({ screening: { conditions: [], redFlags: ['anticoagulants'] } }));
    expect(p.screening.decision).toBe('treat_with_precautions');
    for (const t of handsOn(p)) expect(t.pressure).toBe('light');
  });
});

describe('local conditions', () => {
  it('a side-less local condition rules out the whole region, both sides', () => {
    const p = plan(
      local('open_wound', 'knee', undefined, [
        { region: 'knee', side: 'bilateral', intensity: 5 },
        { region: 'thigh', side: 'left', intensity: 3 },
      ]),
    );
    expect(p.techniques.filter((t) => t.region === 'knee')).toEqual([]);
    expect(p.focusAreas.map((f) => f.region)).not.toContain('knee');
  });

  it('a local condition without a region is assumed at the painful regions, and goals are still served at home', () => {
    const p = plan(coded('open_wound'));
    expect(p.techniques).toEqual([]);
    expect(p.screening.findings.find((f) => f.code === 'open_wound')?.message).toMatch(/assumed at lower back/);
    expect(p.homeProgram.flatMap((h) => h.goalTypes)).toEqual(expect.arrayContaining(['pain_relief', 'range_of_motion']));
  });

  it('a recent surgery site is worked again once the incision has closed, with light pressure and scar work', () => {
    const p = plan(
      assessment({
        painLocations: [{ region: 'knee', side: 'right', intensity: 4 }],
        goals: [{ type: 'injury_rehabilitation', priority: 1 }],
        screening: { conditions: [{ code: 'recent_surgery_site', region: 'knee', side: 'right' }], redFlags: [], surgeryDate: '2025-01-25', age: 60 },
        measures: {},
      }),
    );
    const knee = p.techniques.filter((t) => t.region === 'knee');
    expect(knee.length).toBeGreaterThan(0);
    for (const t of knee) expect(t.pressure).toBe('light');
    expect(techniqueCodes(p)).toContain('scar_mobilisation');
    expect(techniqueCodes(p)).not.toContain('cross_fiber_friction');
  });
});

describe('an unsure chest pain is asked as the cardiac questions', () => {
  it('lists the exertion question instead of referring', () => {
    const p = plan(
      assessment({
        complaint: 'Care-home staff: stiff neck. Whether she has chest/arm discomfort on exertion we cannot tell.',
        painLocations: [{ region: 'neck', side: 'bilateral', intensity: 3, quality: ['stiffness'] }],
        screening: { conditions: [], redFlags: [], age: 87, answers: {} },
      }),
    );
    expect(p.screening.decision).toBe('treat_with_precautions');
    expect(p.screening.unanswered).toEqual(expect.arrayContaining(['exertional_discomfort']));
    expect(findingCodes(p)).not.toContain('chest_pain');
  });
});
