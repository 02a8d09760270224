// The catalog GET /v1/catalog returns: complete against the SPEC, consistent with itself, and carrying
// the clinical reference's values with their sources.
import { CatalogSchema } from '../../src/contracts/catalog.contract';
import { CATALOG, CATALOG_VERSION, ENGINE_VERSION } from '../../src/planning';
import { EFFECT_TYPES } from '../../src/planning/catalog/catalog.types';
import { unitsForMinutes } from '../../src/planning/plan/billing.rules';

const byCode = <T extends { code: string }>(list: T[], code: string) => list.find((x) => x.code === code) as T;

describe('catalog', () => {
  it('matches its response schema exactly and is versioned', () => {
    expect(CatalogSchema.parse(CATALOG)).toEqual(CATALOG);
    expect(CATALOG.engineVersion).toBe(ENGINE_VERSION);
    expect(CATALOG.catalogVersion).toBe(CATALOG_VERSION);
  });

  it('has the SPEC regions, grouped, each with target muscles', () => {
    const spec = [
      'head',
      'jaw',
      'neck',
      'upper_back',
      'lower_back',
      'sacroiliac',
      'shoulder',
      'upper_arm',
      'elbow',
      'forearm',
      'wrist_hand',
      'chest',
      'abdomen',
      'hip',
      'gluteal',
      'thigh',
      'hamstring',
      'knee',
      'calf',
      'ankle_foot',
    ];
    expect(CATALOG.regions.map((r) => r.code)).toEqual(expect.arrayContaining(spec));
    expect(new Set(CATALOG.regions.map((r) => r.group))).toEqual(new Set(['head_neck', 'trunk', 'upper_limb', 'lower_limb']));
    for (const r of CATALOG.regions) expect(r.targetMuscles.length).toBeGreaterThan(0);
  });

  it('carries the SNOMED CT codes of the clinical reference as `reference`', () => {
    expect(byCode(CATALOG.regions, 'neck').snomed).toMatchObject({ code: '45048000', status: 'reference' });
    expect(byCode(CATALOG.regions, 'lower_back').snomed).toMatchObject({ code: '37822005', status: 'reference' });
    expect(byCode(CATALOG.regions, 'shoulder').snomed).toEqual({ code: '16982005', left: '91775009', right: '91774008', status: 'reference' });
    expect(byCode(CATALOG.regions, 'knee').snomed).toEqual({ code: '72696002', left: '82169009', right: '6757004', status: 'reference' });
    expect(byCode(CATALOG.regions, 'hip').snomed).toMatchObject({ left: '287679003', right: '287579007', status: 'reference' });
    for (const r of CATALOG.regions) if (r.snomed.status === 'unassigned') expect(r.snomed.code).toBeNull();
  });

  it('has the SPEC condition and red-flag codes, each with an effect or a decision and a source', () => {
    const spec = [
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
    ];
    expect(CATALOG.conditions.map((c) => c.code)).toEqual(expect.arrayContaining(spec));
    for (const c of CATALOG.conditions) {
      expect(c.sourceIds.length).toBeGreaterThan(0);
      if (c.severity === 'stop') expect(c.decision).not.toBeNull();
      else expect(c.effects.length).toBeGreaterThan(0);
      if (c.kind === 'red_flag') expect(c.decision).toBe('refer');
      if (c.scope === 'local' && c.kind === 'contraindication')
        expect(c.effects.some((e) => e.type === 'avoid_region' || e.type === 'surgical_site')).toBe(true);
    }
  });

  it('has the measures with the reference MCIDs, ranges and directions', () => {
    const m = (code: string) => byCode(CATALOG.measures, code);
    expect(m('pain_nrs')).toMatchObject({ min: 0, max: 10, mcid: 2, mcidPercent: 30, direction: 'lower_is_better', loinc: { code: '72514-3' } });
    expect(m('odi')).toMatchObject({ min: 0, max: 100, mcid: 12, direction: 'lower_is_better' });
    expect(m('ndi')).toMatchObject({ min: 0, max: 50, mcid: 10, direction: 'lower_is_better' });
    expect(m('quickdash')).toMatchObject({ min: 0, max: 100, mcid: 14, direction: 'lower_is_better' });
    expect(m('lefs')).toMatchObject({ min: 0, max: 80, mcid: 9, direction: 'higher_is_better' });
    expect(m('psfs')).toMatchObject({ min: 0, max: 10, mcid: 2, direction: 'higher_is_better' });
    expect(m('pss10')).toMatchObject({ min: 0, max: 40, direction: 'lower_is_better' });
    expect(m('pss10').mcidNote).toMatch(/none published/i);
    expect(m('rom').direction).toBe('higher_is_better');
  });

  it('has the reference normal ranges of motion with their source', () => {
    const norm = (joint: string, movement: string) => CATALOG.romNorms.find((n) => n.joint === joint && n.movement === movement);
    expect(norm('cervical', 'rotation')).toMatchObject({ degrees: 80, sourceId: 'cfr_38_4_71a' });
    expect(norm('lumbar', 'flexion')?.degrees).toBe(90);
    expect(norm('shoulder', 'abduction')?.degrees).toBe(180);
    expect(norm('hip', 'flexion')?.degrees).toBe(125);
    expect(norm('knee', 'flexion')?.degrees).toBe(140);
    // Every movement a joint accepts has a norm entry (degrees may be null, with a note).
    for (const j of CATALOG.joints) for (const mv of j.movements) expect(norm(j.code, mv)).toBeDefined();
  });

  it('keeps its references consistent: sources, CPT codes, regions and techniques', () => {
    const sources = new Set(CATALOG.sources.map((s) => s.id));
    const billing = new Set(CATALOG.billingCodes.map((b) => b.code));
    for (const t of CATALOG.techniques) {
      expect(billing).toContain(t.cpt);
      for (const s of t.sourceIds) expect(sources).toContain(s);
      expect(t.minMinutes).toBeLessThanOrEqual(t.defaultMinutes);
      expect(t.defaultMinutes).toBeLessThanOrEqual(t.maxMinutes);
    }
    for (const c of CATALOG.conditions) for (const s of c.sourceIds) expect(sources).toContain(s);
    for (const g of CATALOG.goalTypes) for (const t of g.techniques) expect(byCode(CATALOG.techniques, t).goalTypes).toContain(g.code);
    for (const m of CATALOG.mechanisms)
      for (const p of m.prefer) for (const t of p.techniques) expect(byCode(CATALOG.techniques, t).goalTypes).toContain(p.goalType);
    for (const r of CATALOG.regions) if (r.joint) expect(CATALOG.joints.map((j) => j.code)).toContain(r.joint);
  });

  it('lists every effect type its conditions use', () => {
    for (const c of CATALOG.conditions) for (const e of c.effects) expect(EFFECT_TYPES).toContain(e.type);
  });

  it('derives which conditions forbid or modify a technique from the conditions themselves', () => {
    expect(byCode(CATALOG.techniques, 'joint_mobilisation').forbiddenBy).toContain('osteoporosis');
    expect(byCode(CATALOG.techniques, 'trigger_point_therapy').forbiddenBy).toContain('anticoagulants');
    expect(byCode(CATALOG.techniques, 'manual_lymphatic_drainage').forbiddenBy).toContain('heart_disease');
    expect(byCode(CATALOG.techniques, 'swedish_massage').modifiedBy).toContain('anticoagulants');
  });

  it('bills 97124 and 97140 and the exercise codes as timed services', () => {
    for (const code of ['97124', '97140', '97110', '97112', '97530']) expect(byCode(CATALOG.billingCodes, code).timed).toBe(true);
  });
});

describe('the 8-minute rule', () => {
  it.each([
    [0, 0],
    [7, 0],
    [8, 1],
    [22, 1],
    [23, 2],
    [37, 2],
    [38, 3],
    [52, 3],
    [53, 4],
    [67, 4],
    [68, 5],
    [110, 7],
  ])('%i timed minutes → %i units', (minutes, units) => {
    expect(unitsForMinutes(minutes)).toBe(units);
  });

  it('names every entry once: conditions, escalations, screening questions and procedures', () => {
    for (const list of [CATALOG.conditions, CATALOG.escalations, CATALOG.screeningQuestions, CATALOG.surgicalProcedures] as {
      code?: string;
      id?: string;
    }[][]) {
      const keys = list.map((e) => e.code ?? e.id);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('every screening question raises a catalog condition and says where it applies', () => {
    const codes = new Set(CATALOG.conditions.map((c) => c.code));
    for (const q of CATALOG.screeningQuestions) {
      expect(codes).toContain(q.redFlag);
      const a = q.appliesTo;
      expect(a.always || a.regions.length + a.nerveSymptomRegions.length + a.mechanisms.length > 0 || a.minAge !== null).toBe(true);
      expect(q.question).toMatch(/\?$/);
    }
  });
});
