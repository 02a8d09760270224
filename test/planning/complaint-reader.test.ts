// The complaint reader: red-flag and contraindication phrases in any word order and case, the matched
// words as evidence, and negations that do not raise anything.
import { readComplaint } from '../../src/planning/screening/complaint.reader';

const codes = (text: string) => readComplaint(text).map((m) => m.code);

describe('phrases that raise a finding', () => {
  it.each([
    ['Calf swollen and hot', 'deep_vein_thrombosis'],
    ['hot, swollen calf', 'deep_vein_thrombosis'],
    ['My calf is red and swells', 'deep_vein_thrombosis'],
    ['SWOLLEN CALF AFTER A LONG FLIGHT', 'deep_vein_thrombosis'],
    ['history of a DVT', 'dvt_history'],
    ['DVT last week, on apixaban', 'deep_vein_thrombosis'],
    ['numb in the groin', 'saddle_anesthesia'],
    ['Groin feels numb', 'saddle_anesthesia'],
    ["I can't feel my inner thighs when I wipe", 'saddle_anesthesia'],
    ['no feeling in the saddle area', 'saddle_anesthesia'],
    ['lost bladder control', 'bladder_bowel_dysfunction'],
    ['no bladder control since Monday', 'bladder_bowel_dysfunction'],
    ['bowel incontinence since Tuesday', 'bladder_bowel_dysfunction'],
    ["can't hold my urine", 'bladder_bowel_dysfunction'],
    ['trouble passing urine', 'bladder_bowel_dysfunction'],
    ['no longer able to control my bladder', 'bladder_bowel_dysfunction'],
    ['progressive weakness in the left leg', 'progressive_weakness'],
    ['my leg is getting weaker every week', 'progressive_weakness'],
    ['foot drop started last month', 'progressive_weakness'],
    ['weakness in the arm, getting worse', 'progressive_weakness'],
    ['fever and chills', 'fever'],
    ['running a temperature since yesterday', 'fever'],
    ['lost 8 kg without trying', 'unexplained_weight_loss'],
    ['unexplained weight loss', 'unexplained_weight_loss'],
    ['pain at night that wakes me', 'night_pain'],
    ['the pain wakes me up', 'night_pain'],
    ['worse lying down', 'night_pain'],
    ['Low back ache, worse at night, wakes me up', 'night_pain'],
    ['chest pain when climbing stairs', 'chest_pain'],
    ['tightness in my chest', 'chest_pain'],
    ['short of breath', 'chest_pain'],
    ['sudden severe headache', 'cervical_artery_dissection_signs'],
    ['dizzy and seeing double', 'cervical_artery_dissection_signs'],
    ['trouble swallowing', 'cervical_artery_dissection_signs'],
    ['slurred speech this morning', 'cervical_artery_dissection_signs'],
    ['clumsy hands, dropping things', 'myelopathy_signs'],
    ['unsteady when walking', 'myelopathy_signs'],
    ['electric shocks down my spine when I bend my neck', 'myelopathy_signs'],
    ['fell off a ladder', 'major_trauma'],
    ['car accident', 'major_trauma'],
    ['history of breast cancer', 'cancer'],
    ['finished chemotherapy in May', 'cancer'],
    ['takes warfarin', 'anticoagulants'],
    ['on blood thinners', 'anticoagulants'],
    ['Eliquis twice daily', 'anticoagulants'],
    ['haemophilia', 'bleeding_disorder'],
    ['bruises easily', 'bleeding_disorder'],
    ['osteoporosis diagnosed last year', 'osteoporosis'],
    ['24 weeks pregnant', 'pregnancy'],
    ['third trimester', 'pregnancy'],
    ['diabetic neuropathy in both feet', 'diabetic_neuropathy'],
    ['heart failure', 'heart_disease'],
    ['blood pressure very high and not controlled', 'uncontrolled_hypertension'],
    ['has the flu', 'contagious_illness'],
    ['chest infection', 'acute_infection'],
    ['cellulitis on the shin', 'local_infection'],
    ['knee is hot and swollen', 'local_infection'],
    ['open wound on the left shoulder', 'open_wound'],
    ['varicose veins', 'varicose_veins'],
    ['abdominal aneurysm being watched', 'aneurysm'],
    ['had knee surgery 3 weeks ago', 'recent_surgery_site'],
    ['broke my wrist last month', 'recent_fracture'],
    ['radiation burn on the chest', 'radiation_skin'],
    ['pulsating lump in my belly', 'pulsating_abdominal_mass'],
    ['IV drug use', 'iv_drug_use_immunosuppression'],
    ['on immunosuppressants after a kidney transplant', 'iv_drug_use_immunosuppression'],
    ['fragile skin that tears easily', 'fragile_skin'],
  ])('%s → %s', (text, code) => {
    expect(codes(text)).toContain(code);
  });
});

describe('negation: nothing is raised', () => {
  it.each([
    'No numbness in the groin',
    'no numbness or tingling in the groin',
    'Denies fever',
    'Patient denies fever, chills, night sweats, weight loss',
    'No bladder or bowel problems',
    'without any bladder problems',
    'negative for DVT',
    'The doctor ruled out a DVT',
    'DVT ruled out by ultrasound',
    "I don't have any bladder problems",
    'never had cancer',
    'no history of cancer',
    'free of fever',
    'Not pregnant',
    "doesn't take blood thinners",
    'no chest pain, not short of breath',
    'fever denied',
    'No saddle anaesthesia, no progressive weakness',
    'Calf swelling resolved',
    'Bladder and bowel function normal',
    'good bladder control',
    'lost weight on a diet',
    'burning pain in the foot',
    'Jaw aches from clenching at night',
    'not worse at night',
    'tight hamstrings',
  ])('%s', (text) => {
    expect(codes(text).filter((c) => c !== 'trauma')).toEqual([]);
  });
});

describe('negation is scoped to its clause', () => {
  it('"but" ends it', () => {
    expect(codes('No fever, but my calf is swollen and warm')).toContain('deep_vein_thrombosis');
  });

  it('a new sentence ends it', () => {
    expect(codes('No numbness or tingling. Calf is swollen and hot.')).toContain('deep_vein_thrombosis');
  });

  it('"and" starting a new clause ends it', () => {
    expect(codes('No fever and my groin is numb')).toContain('saddle_anesthesia');
  });

  it('a negated symptom next to a positive one keeps the positive one', () => {
    const found = codes('Denies fever; numb in the groin since Monday');
    expect(found).toContain('saddle_anesthesia');
    expect(found).not.toContain('fever');
  });

  it('"no longer" and "not sure" do not negate', () => {
    expect(codes('not sure if I have a fever')).toContain('fever');
  });
});

describe('evidence and location', () => {
  it('spans the whole phrase ("lost bladder control")', () => {
    expect(readComplaint('I lost bladder control today')[0]?.evidence).toBe('lost bladder control');
  });

  it('is the matched text as written, spanning the words that made the match', () => {
    const [m] = readComplaint('Since the flight my LEFT Calf is Swollen and HOT.').filter((x) => x.code === 'deep_vein_thrombosis');
    expect(m?.evidence).toBe('flight my LEFT Calf is Swollen and HOT');
  });

  it('locates a local condition on the nearest region word and its side', () => {
    const [m] = readComplaint('There is an open wound on my right knee.').filter((x) => x.code === 'open_wound');
    expect(m).toMatchObject({ region: 'knee', side: 'right', evidence: 'open wound on my right knee' });
  });

  it('reads region words longest first ("shoulder blade" is the upper back)', () => {
    const [m] = readComplaint('a burn on the shoulder blade').filter((x) => x.code === 'burn');
    expect(m?.region).toBe('upper_back');
  });

  it('reports each finding once', () => {
    expect(codes('fever. Fever again. FEVER.').filter((c) => c === 'fever')).toHaveLength(1);
  });

  it('stays fast on the longest complaint the schema allows, full of repeated concepts', () => {
    const text = 'no calf swollen hot red after flight, denies numb groin; '.repeat(70).slice(0, 4000);
    const start = performance.now();
    readComplaint(text);
    expect(performance.now() - start).toBeLessThan(200);
  });

  it('handles empty, punctuation-only and non-Latin text', () => {
    expect(readComplaint('')).toEqual([]);
    expect(readComplaint('... !!! ???')).toEqual([]);
    expect(readComplaint('İstanbul’da ağrı, Schmerz im Rücken')).toEqual([]);
  });
});
