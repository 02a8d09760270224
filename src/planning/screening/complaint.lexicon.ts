// The words the complaint reader knows, grouped into concepts, and the rules that turn concepts found
// together into findings. Data, not code: the reader (complaint.reader.ts) interprets it.
// Phrases are lower case, apostrophes dropped ("can't" → "cant"); a trailing * matches any ending.
import type { ConditionCode } from '../catalog/catalog.conditions';

const PAIN = ['pain', 'pains', 'painful', 'ache', 'aches', 'aching', 'achy', 'hurts', 'hurt', 'hurting', 'sore', 'soreness', 'throb*'];

export const CONCEPTS = {
  // Cauda equina (AHCPR): bladder or bowel retention / incontinence, saddle anaesthesia.
  continence_organ: [
    'bladder', 'bladder control', 'urin*', 'pee', 'peeing', 'wee', 'bowel', 'bowels', 'bowel control', 'stool', 'stools', 'poo', 'faecal', 'fecal', 'defecat*', 'toilet',
  ],
  continence_problem: [
    'lost', 'lose', 'losing', 'loss', 'leak*', 'retention', 'retain*', 'accident', 'accidents', 'dysfunction', 'problem', 'problems', 'trouble', 'difficulty',
    'changes in', 'change in', 'no control', 'cant control', 'cannot control', 'can not control', 'unable to control', 'not able to control',
    'no longer able to control', 'no longer control', 'no longer able to hold', 'cant pass', 'cannot pass', 'unable to pass', 'cant empty', 'cannot empty', 'unable to empty', 'cant hold', 'cannot hold', 'unable to hold', 'not able to hold',
  ],
  // "No bladder control" is a symptom, not a negation: the longer phrase wins over the word "no".
  incontinence: ['incontinen*', 'wet myself', 'wetting myself', 'wetting the bed', 'soiled myself', 'soiling myself', 'no bladder control', 'no bowel control'],
  saddle_area: ['saddle', 'groin', 'groins', 'perine*', 'perianal', 'genital*', 'crotch', 'inner thigh', 'inner thighs', 'private parts', 'private area', 'anus', 'anal'],
  sensation_loss: [
    'numb*', 'tingl*', 'pins and needles', 'no feeling', 'no sensation', 'lost feeling', 'lost sensation', 'loss of feeling', 'loss of sensation',
    'cant feel', 'cannot feel', 'can not feel', 'unable to feel', 'not able to feel', 'reduced feeling', 'reduced sensation', 'altered sensation',
    'decreased sensation', 'anaesthe*', 'anesthe*', 'dead feeling', 'no longer feel', 'no longer able to feel',
  ],
  // Progressive neurological deficit.
  weakness: ['weak', 'weakness', 'weaker', 'weakening', 'paralys*', 'cant lift', 'cannot lift', 'unable to lift', 'loss of strength', 'losing strength', 'lost strength'],
  progression: [
    'progressive*', 'progressing', 'worsening', 'getting worse', 'gets worse', 'worse and worse', 'increasing*', 'spreading', 'more and more', 'day by day',
    'week by week', 'rapidly', 'rapid',
  ],
  foot_drop: ['foot drop', 'drop foot', 'dropfoot', 'foot slaps', 'foot slapping', 'dragging my foot', 'drags my foot', 'cant lift my foot', 'cannot lift my foot'],
  getting_weaker: ['getting weaker', 'growing weaker', 'becoming weaker', 'weaker and weaker'],
  // Tumour and infection (AHCPR).
  weight: ['weight', 'kg', 'kgs', 'kilo', 'kilos', 'kilograms', 'pounds', 'lbs', 'lb', 'stone'],
  weight_drop: ['lost', 'lose', 'losing', 'loss', 'dropped', 'dropping'],
  intentional: ['diet*', 'on purpose', 'intentional*', 'trying to lose', 'slimming', 'bariatric', 'weight watchers'],
  pain_word: PAIN,
  waking: ['wakes me', 'wake me', 'waking me', 'woken', 'keeps me awake', 'keeps me up'],
  night_pain_phrase: [
    'night pain', 'night pains', 'pain at night', 'pains at night', 'pain in the night', 'pain during the night', 'pain all night', 'hurts at night',
    'worse lying down', 'worse when lying', 'worse lying', 'worse when i lie', 'pain lying down', 'worse at rest', 'pain at rest', 'rest pain', 'unremitting',
    'worse at night', 'worse in the night', 'worse during the night', 'worst at night', 'wakes me at night', 'wakes me up at night', 'woken at night',
  ],
  fever_word: ['fever*', 'febrile', 'pyrexi*', 'chills', 'rigors', 'night sweats', 'high temperature', 'running a temperature', 'have a temperature', 'had a temperature'],
  infection_word: [
    'infection', 'infections', 'sepsis', 'septic', 'pneumonia', 'uti', 'urinary tract infection', 'chest infection', 'sinus infection', 'kidney infection',
    'ear infection', 'throat infection',
  ],
  local_infection_word: ['cellulitis', 'abscess*', 'infected', 'boil', 'boils'],
  contagious_word: [
    'flu', 'influenza', 'covid*', 'coronavirus', 'stomach bug', 'gastroenteritis', 'norovirus', 'chickenpox', 'measles', 'strep throat', 'scabies', 'impetigo',
    'conjunctivitis', 'common cold', 'a cold', 'head cold', 'bad cold', 'shingles', 'contagious',
  ],
  immunosuppression: [
    'iv drug', 'iv drugs', 'intravenous drug', 'intravenous drugs', 'inject drugs', 'injecting drugs', 'injects drugs', 'heroin', 'immunosuppress*',
    'immune suppressed', 'immunocompromised', 'weakened immune system', 'organ transplant', 'transplant', 'hiv', 'long term steroids', 'long-term steroids',
  ],
  cancer_word: [
    'cancer', 'cancers', 'tumour', 'tumours', 'tumor', 'tumors', 'malignan*', 'metasta*', 'lymphoma', 'leukaemia', 'leukemia', 'carcinoma', 'sarcoma',
    'melanoma', 'myeloma', 'chemo*', 'radiotherapy', 'radiation therapy', 'radiation treatment', 'oncolog*',
  ],
  tumour_word: ['tumour', 'tumours', 'tumor', 'tumors', 'metasta*'],
  // Emergencies.
  chest_area: ['chest'],
  chest_symptom: [...PAIN, 'tight', 'tightness', 'tightening', 'pressure', 'crushing', 'squeezing', 'heaviness'],
  dyspnoea: ['short of breath', 'shortness of breath', 'breathless*', 'cant breathe', 'cannot breathe', 'difficulty breathing', 'trouble breathing', 'hard to breathe', 'dyspn*'],
  // Cervical artery dissection (IFOMPT): sudden severe headache, 5 Ds and 3 Ns.
  headache: ['headache', 'headaches', 'head pain'],
  sudden_severe: ['sudden*', 'worst', 'thunderclap', 'out of nowhere', 'excruciating', 'never had before', 'unlike any'],
  diplopia: ['double vision', 'seeing double', 'see double', 'diplopia'],
  speech_trouble: [
    'trouble speaking', 'difficulty speaking', 'slurred speech', 'slurring', 'trouble talking', 'difficulty talking', 'dysarthria', 'cant speak',
    'hard to speak', 'cannot speak',
  ],
  swallow_trouble: ['trouble swallowing', 'difficulty swallowing', 'hard to swallow', 'dysphagia', 'cant swallow', 'cannot swallow'],
  drop_attack: ['drop attack', 'drop attacks'],
  face_area: ['face', 'facial', 'lip', 'lips'],
  // Myelopathy (IFOMPT).
  clumsy: ['clumsy', 'clumsiness', 'fumbling', 'trouble with buttons', 'difficulty with buttons', 'cant do up buttons'],
  hand_word: ['hand', 'hands', 'finger', 'fingers'],
  dropping_things: ['dropping things', 'drop things', 'keep dropping'],
  unsteady: ['unsteady', 'unbalanced', 'off balance', 'loss of balance', 'losing balance', 'balance problems', 'poor balance', 'staggering', 'wobbly'],
  gait: ['walk', 'walks', 'walking', 'gait', 'on my feet', 'legs'],
  electric: ['electric', 'electric shock', 'electric shocks', 'electricity', 'shock like', 'zaps', 'zapping'],
  spine_or_limbs: ['spine', 'back', 'neck', 'arms', 'legs', 'down my'],
  // Trauma (AHCPR major trauma; minor trauma as a fact for escalations).
  vehicle: ['car', 'cars', 'vehicle', 'motorbike', 'motorcycle', 'bike', 'bicycle', 'truck', 'bus', 'motor vehicle', 'mva', 'rta', 'road traffic'],
  collision: ['accident', 'crash', 'crashed', 'collision', 'hit by', 'rear ended', 'knocked off', 'thrown from', 'rollover', 'mva', 'rta'],
  fall_verb: ['fell', 'fall', 'falling', 'fallen', 'came off', 'tripped', 'slipped'],
  height: ['ladder', 'roof', 'height', 'heights', 'flight of stairs', 'down the stairs', 'downstairs', 'scaffold*', 'balcony', 'tree', 'horse'],
  minor_trauma: ['whiplash', 'hit my', 'was hit', 'struck', 'banged my', 'knocked my'],
  // Systemic precautions.
  anticoagulant: [
    'anticoag*', 'blood thinner', 'blood thinners', 'warfarin', 'coumadin', 'jantoven', 'apixaban', 'eliquis', 'rivaroxaban', 'xarelto', 'dabigatran',
    'pradaxa', 'edoxaban', 'lixiana', 'savaysa', 'heparin', 'enoxaparin', 'lovenox', 'clexane', 'dalteparin', 'fragmin', 'clopidogrel', 'plavix',
    'ticagrelor', 'brilinta', 'prasugrel', 'effient',
  ],
  bleeding_word: ['haemophilia', 'hemophilia', 'von willebrand', 'bleeding disorder', 'bruise easily', 'bruises easily', 'bruising easily', 'thrombocytopeni*', 'low platelets'],
  osteoporosis_word: ['osteoporo*', 'brittle bones', 'thin bones'],
  pregnancy_word: ['pregnan*', 'trimester', 'expecting a baby', 'expecting twins', 'gestation*', 'antenatal', 'prenatal'],
  postpartum: ['postpartum', 'postnatal', 'after giving birth', 'gave birth', 'after my pregnancy', 'since my pregnancy', 'after pregnancy'],
  neuropathy_word: ['neuropath*'],
  fragile_skin_word: ['fragile skin', 'thin skin', 'skin tears', 'skin tear', 'papery skin', 'paper thin skin'],
  heart_word: [
    'heart failure', 'heart disease', 'heart attack', 'angina', 'coronary', 'pacemaker', 'cardiac', 'cardiomyopathy', 'arrhythmi*', 'atrial fibrillation',
    'afib', 'heart condition', 'heart problem', 'heart problems', 'stent', 'stents',
  ],
  hypertension: ['hypertension', 'high blood pressure', 'blood pressure', 'bp'],
  uncontrolled: ['uncontrolled', 'not controlled', 'poorly controlled', 'out of control', 'very high', 'dangerously high', 'severe', 'sky high'],
  hypertensive_crisis: ['hypertensive crisis', 'malignant hypertension'],
  // Deep vein thrombosis (Wells 1997): a swollen, warm, red leg, after immobility.
  dvt_named: ['dvt', 'deep vein thrombosis', 'blood clot', 'blood clots', 'a clot', 'thrombosis', 'thrombophlebitis', 'pulmonary embolism'],
  leg: ['calf', 'calves', 'leg', 'legs', 'shin', 'shins', 'lower leg', 'thigh', 'thighs'],
  swelling: ['swell*', 'swollen', 'puffy', 'puffiness', 'edema', 'oedema', 'enlarged'],
  warmth: ['hot', 'warm', 'warmth', 'feels hot'],
  redness: ['red', 'redness', 'reddish', 'discoloured', 'discolored', 'purple', 'inflamed'],
  immobility: ['flight', 'flights', 'long flight', 'long drive', 'long haul', 'bed rest', 'bedridden', 'bed ridden', 'immobil*', 'in a cast', 'plaster', 'after surgery', 'long car ride'],
  // Local contraindications.
  surgery_word: [
    'surgery', 'surgeries', 'operation', 'operated', 'surgical', 'post op', 'postop', 'incision', 'stitches', 'sutures', 'staples', 'arthroscop*',
    'replacement', 'reconstruction', 'repair', 'repaired',
  ],
  recent_word: [
    'recent*', 'weeks ago', 'week ago', 'days ago', 'day ago', 'yesterday', 'last week', 'last month', 'this month', 'a month ago', 'just had', 'post op',
    'postop', 'still healing', 'healing', 'not healed',
  ],
  long_ago: ['years ago', 'year ago', 'as a child', 'as a kid', 'long ago', 'long time ago', 'decades ago'],
  fracture_word: ['fractur*', 'broken bone', 'broke my', 'broke a', 'broken arm', 'broken leg', 'broken wrist', 'broken ankle', 'cracked a', 'cracked my'],
  wound_word: ['open wound', 'wound', 'wounds', 'laceration', 'lacerations', 'a cut', 'deep cut', 'graze', 'grazes', 'abrasion', 'ulcer', 'ulcers', 'pressure sore', 'bed sore', 'open sore'],
  burn_word: ['a burn', 'burn on', 'burns on', 'burned my', 'burnt my', 'sunburn*', 'scald*'],
  varicose_word: ['varicos*'],
  aneurysm_word: ['aneurysm*'],
  radiation_word: ['radiation', 'radiotherapy', 'irradiated'],
  radiation_burn: ['radiation burn', 'radiation burns', 'radiation dermatitis'],
  skin_word: ['skin', 'burn', 'burns', 'burnt', 'red', 'redness', 'raw', 'peeling', 'blistered'],
  pulsating: ['pulsat*', 'pulsing'],
  mass: ['mass', 'lump'],
  abdomen_word: ['abdomen', 'abdominal', 'belly', 'stomach', 'tummy'],
} as const satisfies Record<string, readonly string[]>;

export type LexiconConcept = keyof typeof CONCEPTS;
export const SIDE_WORDS = { left: ['left'], right: ['right'], bilateral: ['both', 'bilateral', 'both sides'] } as const;

// NegEx-style negation (Chapman 2001): a trigger negates the concepts after it until a clause ends.
export const NEGATION = {
  pre: [
    'no', 'not', 'denies', 'denied', 'deny', 'denying', 'without', 'never', 'negative for', 'free of', 'absence of', 'ruled out', 'rules out', 'nor', 'neither', 'none',
    'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'havent', 'hasnt', 'hadnt', 'wont',
  ],
  post: ['denied', 'absent', 'negative', 'ruled out', 'resolved', 'none'],
  // "no longer able to…" or "not sure if…" do not deny what follows.
  pseudo: ['no longer', 'not only', 'not sure', 'not certain', 'no change', 'no improvement', 'not improving', 'not getting better', 'no relief', 'not helped', 'no better', 'not better', 'no idea'],
  terminators: ['but', 'however', 'although', 'though', 'yet', 'except', 'apart', 'aside', 'whereas', 'while', 'still', 'which', 'who', 'since', 'because', 'when'],
  // After "and", these start a new clause ("no fever and my calf is hot").
  clauseStarters: ['i', 'im', 'ive', 'my', 'he', 'she', 'his', 'her', 'it', 'its', 'the', 'they', 'their', 'patient', 'pt', 'has', 'have', 'is', 'was', 'now', 'then'],
  verbs: ['is', 'are', 'was', 'were', 'has', 'have', 'had', 'feels', 'feel', 'felt', 'gets', 'got', 'became', 'becomes', 'seems', 'looks', 'keeps', 'started', 'starts', 'began', 'noticed', 'reports', 'complains'],
  maxScopeWords: 10,
} as const;

export interface TextRule {
  /** A catalog code raises a finding; `trauma` is a fact for the escalation rules. */
  code: ConditionCode | 'trauma';
  /** Each concept needs an un-negated mention within the window, in one sentence. */
  all: LexiconConcept[];
  /** At least `min` different concepts of `of` are mentioned near the first `all` concept. */
  some?: { of: LexiconConcept[]; min: number };
  /** Any un-negated mention of these in the sentence cancels the rule (intentional weight loss). */
  none?: LexiconConcept[];
  /** Largest distance in words between the first and last matched word; default 10. */
  window?: number;
  /** A local condition: the nearest region word is its location (`required`: only with one; `forbidden`: only without). */
  region?: 'optional' | 'required' | 'forbidden';
}

export const TEXT_RULES: TextRule[] = [
  { code: 'bladder_bowel_dysfunction', all: ['continence_organ', 'continence_problem'], window: 8 },
  { code: 'bladder_bowel_dysfunction', all: ['incontinence'] },
  { code: 'saddle_anesthesia', all: ['saddle_area', 'sensation_loss'], window: 8 },
  { code: 'progressive_weakness', all: ['weakness', 'progression'], window: 10 },
  { code: 'progressive_weakness', all: ['foot_drop'] },
  { code: 'progressive_weakness', all: ['getting_weaker'] },
  { code: 'unexplained_weight_loss', all: ['weight', 'weight_drop'], none: ['intentional'], window: 6 },
  // Night pain that wakes or persists (AHCPR, IFOMPT), not pain that happens to be mentioned with the night.
  { code: 'night_pain', all: ['night_pain_phrase'] },
  { code: 'night_pain', all: ['waking', 'pain_word'], window: 5 },
  { code: 'fever', all: ['fever_word'] },
  { code: 'acute_infection', all: ['infection_word'], region: 'forbidden' },
  { code: 'local_infection', all: ['infection_word'], region: 'required' },
  { code: 'local_infection', all: ['local_infection_word'], region: 'optional' },
  // A hot swollen joint is local inflammation; a hot swollen leg is the DVT rule's business.
  { code: 'local_infection', all: ['swelling', 'warmth'], none: ['leg'], region: 'required', window: 8 },
  { code: 'contagious_illness', all: ['contagious_word'] },
  { code: 'iv_drug_use_immunosuppression', all: ['immunosuppression'] },
  { code: 'cancer', all: ['cancer_word'] },
  { code: 'tumour_site', all: ['tumour_word'], region: 'required' },
  { code: 'chest_pain', all: ['chest_area', 'chest_symptom'], window: 5 },
  { code: 'chest_pain', all: ['dyspnoea'] },
  { code: 'cervical_artery_dissection_signs', all: ['headache', 'sudden_severe'], window: 6 },
  { code: 'cervical_artery_dissection_signs', all: ['diplopia'] },
  { code: 'cervical_artery_dissection_signs', all: ['speech_trouble'] },
  { code: 'cervical_artery_dissection_signs', all: ['swallow_trouble'] },
  { code: 'cervical_artery_dissection_signs', all: ['drop_attack'] },
  { code: 'cervical_artery_dissection_signs', all: ['face_area', 'sensation_loss'], window: 4 },
  { code: 'myelopathy_signs', all: ['clumsy', 'hand_word'], window: 6 },
  { code: 'myelopathy_signs', all: ['dropping_things'] },
  { code: 'myelopathy_signs', all: ['unsteady', 'gait'], window: 6 },
  { code: 'myelopathy_signs', all: ['electric', 'spine_or_limbs'], window: 8 },
  { code: 'major_trauma', all: ['vehicle', 'collision'], window: 8 },
  { code: 'major_trauma', all: ['fall_verb', 'height'], window: 8 },
  { code: 'trauma', all: ['collision'] },
  { code: 'trauma', all: ['fall_verb'] },
  { code: 'trauma', all: ['minor_trauma'] },
  { code: 'pulsating_abdominal_mass', all: ['pulsating', 'mass'], window: 6 },
  { code: 'pulsating_abdominal_mass', all: ['pulsating', 'abdomen_word'], window: 6 },
  { code: 'anticoagulants', all: ['anticoagulant'] },
  { code: 'bleeding_disorder', all: ['bleeding_word'] },
  { code: 'osteoporosis', all: ['osteoporosis_word'] },
  { code: 'pregnancy', all: ['pregnancy_word'], none: ['postpartum'] },
  { code: 'diabetic_neuropathy', all: ['neuropathy_word'] },
  { code: 'fragile_skin', all: ['fragile_skin_word'] },
  { code: 'heart_disease', all: ['heart_word'] },
  { code: 'uncontrolled_hypertension', all: ['hypertension', 'uncontrolled'], window: 8 },
  { code: 'uncontrolled_hypertension', all: ['hypertensive_crisis'] },
  { code: 'deep_vein_thrombosis', all: ['dvt_named'] },
  { code: 'deep_vein_thrombosis', all: ['leg'], some: { of: ['swelling', 'warmth', 'redness', 'immobility'], min: 2 }, window: 10 },
  { code: 'recent_surgery_site', all: ['surgery_word', 'recent_word'], region: 'optional', window: 10 },
  { code: 'recent_fracture', all: ['fracture_word'], none: ['long_ago'], region: 'optional' },
  { code: 'open_wound', all: ['wound_word'], region: 'optional' },
  { code: 'burn', all: ['burn_word'], region: 'optional' },
  { code: 'varicose_veins', all: ['varicose_word'], region: 'optional' },
  { code: 'aneurysm', all: ['aneurysm_word'], region: 'optional' },
  { code: 'radiation_skin', all: ['radiation_word', 'skin_word'], region: 'optional', window: 6 },
  { code: 'radiation_skin', all: ['radiation_burn'], region: 'optional' },
];
