// The words the complaint reader knows, grouped into concepts, and the rules that turn concepts found
// together into findings. Data, not code: the reader (complaint.reader.ts) interprets it.
// Phrases are lower case, apostrophes dropped ("can't" → "cant"); a trailing * matches any ending.
import type { ConditionCode } from '../catalog/catalog.conditions';

const PAIN = ['pain', 'pains', 'painful', 'ache', 'aches', 'aching', 'achy', 'hurts', 'hurt', 'hurting', 'sore', 'soreness', 'throb*'];

export const CONCEPTS = {
  // Cauda equina (AHCPR; second edition screen): bladder or bowel retention / incontinence, reduced
  // sensation of passing urine, saddle anaesthesia, bilateral or progressive leg weakness, foot drop.
  continence_organ: [
    'bladder', 'bladder control', 'urin*', 'pee', 'peeing', 'pees', 'wee', 'weeing', 'wees', 'piss', 'pissing', 'bowel', 'bowels', 'bowel control', 'stool', 'stools',
    'poo', 'pooing', 'faecal', 'fecal', 'defecat*', 'toilet', 'waterworks', 'water works', 'micturi*', 'void', 'voiding', 'pass water', 'passing water',
  ],
  continence_flow: ['bladder', 'urin*', 'pee', 'peeing', 'pees', 'wee', 'weeing', 'bowel', 'bowels', 'stool', 'stools', 'poo', 'pooing', 'pass water', 'passing water', 'micturi*', 'flow', 'stream'],
  continence_problem: [
    'lost', 'lose', 'losing', 'loss', 'leak*', 'retention', 'retain*', 'accident', 'accidents', 'dysfunction', 'problem', 'problems', 'trouble', 'difficulty',
    'changes in', 'change in', 'no control', 'cant control', 'cannot control', 'can not control', 'unable to control', 'not able to control',
    'no longer able to control', 'no longer control', 'no longer able to hold', 'cant pass', 'cannot pass', 'unable to pass', 'cant empty', 'cannot empty',
    'unable to empty', 'cant hold', 'cannot hold', 'unable to hold', 'not able to hold', 'hard to start', 'hard to get started', 'struggle to start',
    'struggling to start', 'cant start', 'cannot start', 'slow to start', 'weak stream', 'poor stream', 'hesitan*', 'dribbl*', 'cant go', 'cannot go',
    'unable to go', 'havent been able', 'not been able', 'incomplete', 'not emptying', 'doesnt empty', 'wont come', 'straining', 'couldnt hold', 'could not hold',
    'couldnt control', 'could not control', 'couldnt make it', 'didnt make it', 'nothing comes out', 'nothing came out', 'nothing coming out', 'feels full',
    'still full', 'struggling', 'struggle', 'struggled', 'hard', 'difficult', 'straining to pass', 'difficulty passing', 'trouble passing', 'wont come out', 'only a trickle', 'trickle', 'just a trickle', 'cant get it out', 'not passing', 'havent passed', 'hasnt passed',
  ],
  // "No bladder control" is a symptom, not a negation: the longer phrase wins over the word "no".
  incontinence: [
    'incontinen*', 'wet myself', 'wetting myself', 'wet herself', 'wet himself', 'wetting herself', 'wetting himself', 'wetting the bed', 'wet the bed',
    'peed myself', 'pee myself', 'peeing myself', 'weed myself', 'soiled myself', 'soiling myself', 'soiled herself', 'soiled himself', 'pooed myself',
    'no bladder control', 'no bowel control', 'urinary retention', 'dribbling', 'dribbles', 'dribbled', 'cant tell when i need to go', 'cant tell when i need to pee',
    'cant feel when i need to go', 'cant feel when i need to pee', 'dont know when i need to go', 'dont know when i need to pee', 'dont feel when i need to go',
    'dont feel the urge', 'no urge to go', 'no urge to pee', 'no urge to urinate', 'cant feel when i pee', 'cant feel myself pee', 'cant feel myself peeing',
    'cant feel the urine', 'cant feel the flow', 'dont feel the flow', 'dont feel myself pee', 'dont feel myself peeing', 'cant feel when i go',
    'dont feel when i go', 'catheter', 'catheterised', 'catheterized',
  ],
  saddle_area: [
    'saddle', 'groin', 'groins', 'perine*', 'perianal', 'genital*', 'crotch', 'inner thigh', 'inner thighs', 'private parts', 'private area', 'privates',
    'anus', 'anal', 'between my legs', 'between the legs', 'between legs', 'between your legs', 'between her legs', 'between his legs', 'down below', 'down there', 'my bottom', 'her bottom',
    'his bottom', 'back passage', 'around my bum', 'vagina*', 'vulva', 'penis', 'scrotum', 'testicles', 'rectum', 'rectal', 'seat area', 'sitting area', 'backside', 'my backside', 'bum', 'my bum', 'bottom', 'behind', 'my behind', 'sit bones',
    'undercarriage', 'nether regions', 'privates area', 'pubic area', 'pubic',
  ],
  // What the patient feels when the saddle is numb: the toilet paper, wiping, sitting on the toilet seat.
  saddle_situation: [
    'toilet paper', 'loo roll', 'wipe', 'wiping', 'wiped', 'wipes', 'sit on the loo', 'sit on the toilet', 'sitting on the loo', 'sitting on the toilet',
    'on the loo', 'on the toilet', 'toilet seat', 'loo seat', 'sat on the toilet', 'sat on the loo', 'bike seat', 'bicycle seat', 'on a saddle', 'block of wood',
    'sitting on wood', 'sitting on a board', 'sitting on a cushion of air', 'sitting on nothing',
  ],
  sensation_loss: [
    'numb*', 'tingl*', 'pins and needles', 'no feeling', 'no sensation', 'lost feeling', 'lost sensation', 'loss of feeling', 'loss of sensation',
    'cant feel', 'cannot feel', 'can not feel', 'unable to feel', 'not able to feel', 'reduced feeling', 'reduced sensation', 'altered sensation',
    'decreased sensation', 'anaesthe*', 'anesthe*', 'dead feeling', 'no longer feel', 'no longer able to feel',
    'feels dead', 'feel dead', 'less feeling', 'less sensation', 'lack of feeling', 'lack of sensation', 'feels strange', 'feels odd', 'feels weird',
    'like gloves', 'in gloves', 'wearing gloves', 'gloves on', 'glove like', 'stocking like', 'cotton wool', 'like cotton wool', 'like wood', 'wooden', 'block of wood',
    'like rubber', 'deadness', 'anaes', 'anaesth', 'anesth', 'paraesth*', 'paresth*', 'parasth*', 'dysaesth*', 'dysesth*', 'hypoaesth*', 'hypoesth*', 'reduced sens',
    'sens reduced', 'sensation reduced', 'sensory loss', 'sensory change', 'sensory changes', 'altered sens', 'lost sensation', 'sensation loss', 'pins & needles', 'cant feel properly', 'not feel properly', 'feel properly', 'fuzzy feeling',
  ],
  sexual_dysfunction: [
    'erectile dysfunction', 'erectile', 'impoten*', 'cant get an erection', 'cant get erections', 'cannot get an erection', 'cant maintain an erection',
    'sexual dysfunction', 'no feeling during sex', 'cant feel during sex', 'numb during sex', 'cant climax', 'cant orgasm', 'unable to orgasm',
    'unable to ejaculate', 'cant ejaculate', 'loss of sexual function', 'sexual function', 'problems in the bedroom', 'trouble in the bedroom',
    'issues in the bedroom', 'difficulties in the bedroom', 'difficulty in the bedroom', 'nothing happening in the bedroom',
  ],
  sexual_context: ['during sex', 'during intercourse', 'in the bedroom', 'sex life', 'sexually', 'sex', 'intercourse', 'erection', 'erections', 'orgasm'],
  sex_problem: [
    'arent working', 'isnt working', 'not working', 'doesnt work', 'dont work', 'stopped working', 'not functioning', 'dysfunction', 'no longer works', 'not the same',
    'arent working properly', 'not working properly', 'doesnt work properly',
  ],
  // Erectile dysfunction in lay words ("new erection problems", "trouble getting an erection"): a cauda equina sign.
  erection_word: ['erection', 'erections', 'erectile', 'ejaculat*'],
  erection_problem: [
    'problem', 'problems', 'trouble', 'troubles', 'issue', 'issues', 'difficulty', 'difficulties', 'cant', 'cannot', 'unable', 'struggl*', 'hard to', 'no longer',
    'not working', 'isnt working', 'arent working', 'dysfunction', 'changes', 'change', 'lost', 'loss', 'weak', 'weaker', 'difficult',
  ],
  lhermitte: ['lhermitte*', 'lhermitte sign', 'lhermittes sign', 'barber chair'],
  // Progressive neurological deficit.
  weakness: [
    'weak', 'weakness', 'weaker', 'weakening', 'paralys*', 'cant lift', 'cannot lift', 'unable to lift', 'loss of strength', 'losing strength', 'lost strength',
    'giving way', 'give way', 'gives way', 'gave way', 'giving out', 'gives out', 'gave out', 'buckl*', 'like jelly', 'no strength',
  ],
  progression: [
    'progressive*', 'progressing', 'worsening', 'getting worse', 'gets worse', 'worse and worse', 'increasing*', 'spreading', 'more and more', 'day by day',
    'week by week', 'rapidly', 'rapid', 'every day', 'each day', 'every week', 'each week', 'quickly', 'by the day', 'by the week',
  ],
  foot_drop: [
    'foot drop', 'drop foot', 'dropfoot', 'foot slaps', 'foot slapping', 'foot slap', 'slapping', 'dragging my foot', 'drags my foot', 'dragging my leg',
    'drags his foot', 'drags her foot', 'dragging his foot', 'dragging her foot', 'cant lift my foot', 'cannot lift my foot', 'cant lift my toes',
    'cant pull my foot up', 'cant bring my foot up', 'trip over my toes', 'tripping over my toes', 'trips over his toes', 'trips over her toes',
    'tripping over my own feet', 'tripping over my feet', 'trip over my feet', 'catching my toes', 'catching my toe', 'catch my toes', 'catch my toe',
    'toes catch', 'toe catches', 'keep tripping', 'keeps tripping', 'foot flops', 'floppy foot', 'cant walk on my heels', 'cannot walk on my heels',
    'cant stand on my heels', 'cant stand on tiptoe', 'cant stand on my toes',
  ],
  drag_word: ['drag', 'drags', 'dragging', 'dragged', 'slaps', 'slapping', 'flops', 'flopping', 'catches', 'catching', 'scuffs', 'scuffing', 'scuff', 'clips'],
  getting_weaker: ['getting weaker', 'growing weaker', 'becoming weaker', 'weaker and weaker', 'going weak', 'gone weak', 'more weak'],
  both_legs: [
    'both legs', 'both my legs', 'legs', 'both feet', 'both my feet', 'both thighs', 'both calves', 'bilateral leg', 'bilateral legs', 'bilat leg', 'bilat legs', 'bl leg',
    'bl legs', 'bilateral lower limb', 'bilateral lower limbs', 'bilat le', 'bl le', 'bilateral le', 'both lower limbs', 'lower limbs', 'les',
  ],
  // Tumour and infection (AHCPR).
  weight: ['weight', 'kg', 'kgs', 'kilo', 'kilos', 'kilograms', 'pounds', 'lbs', 'lb', 'stone', 'half a stone'],
  weight_drop: ['lost', 'lose', 'losing', 'loosing', 'loss', 'dropped', 'dropping', 'fallen off', 'falling off', 'down a', 'down by', 'gone down', 'come off'],
  weight_loss_lay: [
    'clothes getting loose', 'clothes are loose', 'clothes loose', 'clothes feel loose', 'clothes hanging off', 'clothes falling off', 'trousers falling down',
    'belt tighter', 'extra notch', 'new notch', 'dropped a dress size', 'dropped two dress sizes', 'lost a dress size', 'down a stone', 'down half a stone', 'down two stone',
    'wasting away', 'lost my appetite and weight', 'lost weight without trying', 'losing weight without trying', 'loosing weight',
  ],
  intentional: ['diet*', 'on purpose', 'intentional*', 'trying to lose', 'slimming', 'bariatric', 'weight watchers', 'gym', 'exercising more', 'gastric band'],
  pain_word: PAIN,
  waking: ['wakes me', 'wake me', 'waking me', 'woken', 'keeps me awake', 'keeps me up', 'wakes her', 'wakes him', 'cant sleep', 'unable to sleep', 'wakes', 'waking', 'woke', 'wake up', 'wakes up', 'waking up', 'woke up', 'awake with', 'lie awake', 'lying awake'],
  night_pain_phrase: [
    'night pain', 'night pains', 'pain at night', 'pains at night', 'pain in the night', 'pain during the night', 'pain all night', 'hurts at night',
    'worse lying down', 'worse when lying', 'worse lying', 'worse when i lie', 'pain lying down', 'worse at rest', 'pain at rest', 'rest pain',
    'worse at night', 'worse in the night', 'worse during the night', 'worst at night', 'wakes me at night', 'wakes me up at night', 'woken at night',
  ],
  night_time: ['every night', 'each night', 'all night', 'at night', 'overnight', 'in bed', 'during the night', 'in the night', 'nights', 'night time', 'nighttime', 'sleep', 'sleeping', 'asleep'],
  // Night pain is a red flag when it is constant, not eased by any position (IFOMPT "unremitting").
  night_constant: [
    'unremitting', 'constant', 'constantly', 'unrelenting', 'relentless', 'all night', 'all night long', 'day and night', 'night and day', 'no position',
    'not eased by any position', 'not eased by', 'nothing eases', 'nothing helps', 'nothing relieves', 'nothing makes it better', 'no relief', 'any position',
    'whatever position', 'whichever position', 'no matter how i lie', 'no matter what position', 'no comfortable position', 'cant get comfortable',
    'cannot get comfortable', 'never eases', 'never goes', 'doesnt ease', 'does not ease', 'wont ease', 'doesnt settle', 'does not settle', 'never settles',
    'not relieved by', 'unrelieved', 'non mechanical', 'nonmechanical', 'even at rest', 'even lying still', 'even when still', 'pace the floor',
    'pacing the floor', 'have to get up and walk', 'cant lie still', 'cant get comfy', 'cannot get comfy', 'cant get comfortable in any position', 'in any position',
    'in every position', 'every position', 'no comfy position', 'no position is comfortable', 'doesnt matter how i lie', 'however i lie', 'whatever i do',
  ],
  night_constant_strong: ['unremitting', 'day and night', 'night and day', 'all day and night', 'constant night pain', 'unremitting night pain', '24 hours a day', 'around the clock', 'round the clock', '24 7'],
  // Pain at night from lying on the sore part, or carpal tunnel tingling, is mechanical (second edition).
  mechanical_night: [
    'lying on it', 'lie on it', 'lying on that side', 'lie on that side', 'lying on the sore', 'lie on the sore', 'lying on my sore', 'lie on my sore',
    'lying on the affected', 'lying on the painful', 'on that side', 'on the sore side', 'on my left side', 'on my right side', 'on the left side', 'on the right side',
    'roll onto', 'rolling onto', 'rolls onto', 'roll over', 'rolling over', 'rolls over', 'turn over', 'turning over', 'turns over', 'when i turn',
    'when i move', 'change position', 'changing position', 'shift position', 'move position', 'eases when i move', 'eases if i move', 'eases with movement',
    'better once i move', 'better when i get up', 'eases when i get up', 'stiff in the morning', 'morning stiffness', 'stiff first thing', 'carpal tunnel',
    'shake my hand', 'shaking my hand', 'shake it out', 'sore shoulder', 'painful shoulder', 'lying on my shoulder', 'lie on my shoulder',
    'lying on the shoulder', 'sleep on my shoulder', 'sleeping on my shoulder', 'lying on my side', 'lie on my side', 'sleep on my side', 'sleeping on my side',
    'sleep on it', 'sleeping on it', 'onto that shoulder', 'onto my shoulder', 'onto the shoulder',
  ],
  systemic_sign: [
    'night sweats', 'sweats', 'drenching sweats', 'fever*', 'chills', 'cancer', 'tumour', 'tumor', 'malignan*', 'unwell', 'metasta*',
    'feeling unwell', 'generally unwell', 'temperature',
  ],
  fever_word: [
    'fever*', 'febrile', 'pyrexi*', 'chills', 'chils', 'fevar', 'feaver', 'fevre', 'fevor', 'rigors', 'high temperature', 'high temp', 'temp of', 'raised temperature', 'raised temp', 'running a temperature', 'have a temperature', 'had a temperature',
    'has a temperature', 'got a temperature', 'shivery', 'feverish', 'hot and cold', 'shivering',
  ],
  infection_word: [
    'infection', 'infections', 'sepsis', 'septic', 'pneumonia', 'uti', 'urinary tract infection', 'chest infection', 'sinus infection', 'kidney infection', 'discitis',
    'osteomyelitis', 'spinal infection', 'epidural abscess',
    'ear infection', 'throat infection',
  ],
  local_infection_word: ['cellulitis', 'abscess*', 'infected', 'boil', 'boils'],
  // Acute local inflammation: a gout attack, an inflamed joint.
  acute_inflammation: [
    'gout flare', 'gout attack', 'attack of gout', 'flare of gout', 'gout flaring', 'gout is flaring', 'gout has flared', 'acute gout', 'gouty', 'flare of my gout',
    'septic arthritis', 'septic joint', 'hot joint', 'hot swollen joint', 'red hot joint', 'bursitis flare', 'pseudogout', 'pseudo gout',
  ],
  contagious_word: [
    'flu', 'influenza', 'covid*', 'coronavirus', 'stomach bug', 'gastroenteritis', 'norovirus', 'chickenpox', 'measles', 'strep throat', 'scabies', 'impetigo',
    'conjunctivitis', 'common cold', 'a cold', 'head cold', 'bad cold', 'shingles', 'contagious',
  ],
  immunosuppression: [
    'iv drug', 'iv drugs', 'intravenous drug', 'intravenous drugs', 'inject drugs', 'injecting drugs', 'injects drugs', 'heroin', 'immunosuppress*',
    'immune suppressed', 'immunocompromised', 'weakened immune system', 'organ transplant', 'transplant', 'hiv', 'long term steroids', 'long-term steroids',
    'prednisolone', 'prednisone', 'methotrexate', 'azathioprine', 'ciclosporin', 'cyclosporin*', 'tacrolimus', 'mycophenolate', 'biologic', 'biologics',
    'adalimumab', 'humira', 'etanercept', 'enbrel', 'infliximab', 'rituximab', 'steroid tablets', 'on steroids', 'long term steroid', 'dexamethasone',
    'injects', 'drug user', 'heroin user', 'iv drug user', 'ivdu', 'pwid',
  ],
  cancer_word: [
    'cancer', 'cancers', 'tumour', 'tumours', 'tumor', 'tumors', 'malignan*', 'metasta*', 'lymphoma', 'leukaemia', 'leukemia', 'carcinoma', 'sarcoma',
    'melanoma', 'myeloma', 'chemo*', 'radiotherapy', 'radiation therapy', 'radiation treatment', 'oncolog*', 'mastectomy', 'lumpectomy', 'secondaries',
    'breast ca', 'prostate ca', 'lung ca', 'bowel ca', 'colon ca', 'ovarian ca', 'ca breast', 'ca prostate', 'ca lung', 'ca bowel', 'ca of', 'mets', 'bony mets', 'bone mets', 'neoplasm*',
  ],
  tumour_word: ['tumour', 'tumours', 'tumor', 'tumors', 'metasta*', 'secondaries', 'mets', 'bony mets', 'bone mets'],
  // Emergencies.
  chest_area: ['chest', 'breastbone', 'sternum'],
  chest_symptom: [...PAIN, 'tight', 'tightness', 'tightening', 'pressure', 'crushing', 'squeezing', 'heaviness', 'heavy', 'discomfort', 'band'],
  dyspnoea: [
    'soboe', 'doe', 'dyspnoea on exertion',
    'short of breath', 'shortness of breath', 'breathless*', 'cant breathe', 'cannot breathe', 'difficulty breathing', 'trouble breathing', 'hard to breathe',
    'dyspn*', 'out of breath', 'cant catch my breath', 'puffed', 'winded', 'sob', 'struggling to breathe', 'gasping',
  ],
  // Cardiac (second edition): discomfort of the chest, arm, jaw or neck brought on by exertion, eased by rest.
  cardiac_site: ['chest', 'breastbone', 'sternum', 'jaw', 'jaws', 'arm', 'arms', 'left arm', 'throat', 'teeth', 'left shoulder', 'both arms'],
  cardiac_site_limb: ['jaw', 'jaws', 'arm', 'arms', 'left arm', 'throat', 'teeth', 'both arms', 'left shoulder'],
  cardiac_site_specific: ['chest', 'breastbone', 'sternum', 'jaw', 'jaws', 'left arm', 'throat', 'teeth', 'both arms'],
  cardiac_site_weak: ['neck', 'shoulder', 'shoulders', 'upper back', 'between my shoulder blades', 'between the shoulder blades', 'shoulder blade'],
  discomfort: [...PAIN, 'tight', 'tightness', 'tightening', 'pressure', 'crushing', 'squeezing', 'heaviness', 'heavy', 'discomfort', 'dull', 'burning', 'numb*', 'tingl*'],
  exertion: [
    'exertion', 'exertional', 'on exertion', 'exert*', 'stairs', 'upstairs', 'flight of stairs', 'climbing', 'climb', 'uphill', 'up hill', 'up a hill', 'up hills',
    'incline', 'walking up', 'walk up', 'hill', 'hills', 'rushing', 'hurrying', 'hurry', 'brisk walk*', 'walking fast', 'walk fast', 'walking quickly', 'run for',
    'running for', 'exercise', 'exercising', 'when i walk', 'when walking', 'while walking', 'walking', 'cold weather',
    'in the cold', 'exercise bike', 'treadmill', 'jogging', 'after meals', 'running', 'cycling', 'swimming', 'mowing', 'mowing the lawn', 'hurries', 'hurried', 'rush',
    'rushes', 'for the bus', 'carrying shopping', 'exerts', 'exerting', 'exerted', 'when she walks', 'when he walks', 'brisk', 'heavy work', 'shovelling', 'shoveling',
  ],
  exertion_strong: ['hurries', 'hurried', 'rush', 'rushes', 'for the bus', 'exerts', 'exerting', 'exerted', 'up hills', 'going up', 'up a hill', 'up the stairs', 'up stairs', 'walking uphill', 'up the hill', 'exertion', 'exertional', 'on exertion', 'exert*', 'stairs', 'upstairs', 'uphill', 'up hill', 'up a hill', 'walking up', 'hill', 'hills', 'incline', 'rushing', 'hurrying'],
  rest_relief: [
    'eased by rest', 'eases with rest', 'eases when i rest', 'eases when i stop', 'eases if i stop', 'eases if i rest', 'goes away when i rest',
    'goes when i rest', 'goes away when i stop', 'goes when i stop', 'goes off when i stop', 'settles with rest', 'settles when i rest', 'settles when i stop',
    'relieved by rest', 'better with rest', 'better when i rest', 'better when i stop', 'stops when i stop', 'stops when i rest', 'have to stop',
    'had to stop', 'have to rest', 'had to rest', 'after a few minutes rest', 'after a rest', 'with rest', 'when i stop', 'when i rest', 'subsides with rest',
    'when i stand still', 'stand still', 'standing still', 'stops when i stand', 'goes off when', 'goes off', 'wears off when i stop', 'when i sit down', 'when she sits',
    'when he sits', 'when i sit', 'sits down', 'sit down', 'stop and rest', 'relieved by resting', 'relieved with rest', 'eases on rest', 'settles on rest', 'on stopping',
  ],
  sweating: ['sweating', 'sweaty', 'sweat', 'sweats', 'clammy', 'cold sweat', 'diaphore*', 'pale and sweaty', 'grey and sweaty'],
  palpitation: ['palpitation*', 'racing heart', 'heart racing', 'heart pounding', 'fluttering'],
  nausea: ['nausea', 'nauseus', 'nausous', 'nauseous', 'nv', 'n and v', 'nauseated', 'feel sick', 'feeling sick', 'felt sick', 'vomit*', 'throwing up', 'threw up', 'being sick', 'queasy'],
  // A chest-wall strain after lifting weights, sore to touch or on pushing, is musculoskeletal (second edition).
  msk_chest: [
    'bench press*', 'benching', 'bench pressing', 'press ups', 'push ups', 'pushups', 'pressups', 'dips', 'flyes', 'chest fly', 'chest flies', 'pec fly',
    'pec strain', 'pectoral strain', 'strained pec*', 'strained my pec*', 'pulled pec*', 'pulled my pec*', 'torn pec*', 'pec tear', 'pec', 'pecs', 'pectoral*',
    'chest wall strain', 'muscle strain', 'strained a muscle', 'pulled a muscle', 'tender to touch', 'sore to touch', 'tender when pressed', 'sore when pressed',
    'hurts when i press', 'hurts when pressed', 'tender on palpation', 'on palpation', 'reproducible', 'pain on pushing', 'hurts on pushing', 'when pushing',
    'when i push', 'pushing movements', 'weight training', 'lifting weights', 'weights session', 'rib strain', 'costochondritis',
  ],
  // An arm or shoulder that hurts on a movement is mechanical, not the cardiac picture.
  msk_arm: [
    'overhead', 'lifting my arm', 'lifting the arm', 'lifting arm', 'raising my arm', 'reaching', 'reach up', 'reaching up', 'impingement', 'painful arc', 'rotator cuff',
    'frozen shoulder', 'tennis elbow', 'golfers elbow', 'on the lead', 'gripping', 'typing', 'throwing', 'when i move it', 'moving it', 'certain movements',
    'tender to touch', 'sore to touch', 'lying on it', 'pulls on the lead', 'dog pulls',
  ],
  // Breathlessness while training hard is physiology, not a chest emergency.
  sport_training: ['training for', 'in training', 'marathon', 'half marathon', 'race', 'racing', 'sprints', 'sprinting', 'intervals', 'interval training', 'hiit', 'crossfit', 'spin class', 'personal best', 'parkrun', 'triathlon'],
  // Cervical artery dissection (IFOMPT): sudden severe headache, 5 Ds and 3 Ns.
  headache: ['headache', 'headaches', 'head pain', 'head ache', 'pain in my head', 'pain in the head', 'migraine', 'migraines', 'head hurts', 'head is pounding'],
  sudden_severe: [
    'sudden*', 'worst', 'thunderclap', 'out of nowhere', 'excruciating', 'never had before', 'unlike any', 'never had one like', 'never felt anything like',
    'worst ever', 'worst of my life', 'worst in my life', 'like being hit', 'like a bang', 'explosive', 'severe', 'splitting', 'blinding', 'unbearable', 'new', 'unusual',
  ],
  diplopia: ['double vision', 'seeing double', 'see double', 'saw double', 'diplopia', 'seeing two of', 'seeing two', 'see two of', 'see two', 'saw two of', 'sees two of', 'two of everything', 'two of things', 'everything doubled', 'seeing things double', 'see things double', 'things look double', 'vision doubled', 'double images'],
  visual: ['blurred vision', 'blurry vision', 'vision blurred', 'vision went', 'vision is blurry', 'loss of vision', 'lost my vision', 'visual disturbance', 'visual disturbances', 'flashing lights', 'seeing spots'],
  speech_trouble: [
    'trouble speaking', 'difficulty speaking', 'slurred speech', 'slurring', 'slurred', 'slur', 'trouble talking', 'difficulty talking', 'dysarthria', 'cant speak',
    'hard to speak', 'cannot speak', 'words came out wrong', 'words come out wrong', 'couldnt get my words out', 'cant get my words out', 'garbled',
    'speech was strange', 'speech is strange', 'speech was funny', 'talking funny', 'dysphasia', 'struggling to speak', 'struggled to speak', 'jumbled',
    'words jumbled', 'words came out', 'words come out', 'muddled speech', 'muddled words', 'words muddled', 'speech slurred', 'speech is slurred', 'mixing up words',
    'words wrong', 'couldnt speak', 'could not speak', 'couldnt talk', 'slurry', 'finding words', 'finding the right words', 'find my words', 'find the words',
    'word finding', 'find words',
  ],
  swallow_word: ['swallow', 'swallowing', 'swallowed'],
  speech_word: ['speaking', 'talking', 'speech', 'words', 'speak', 'talk'],
  swallow_trouble: [
    'trouble swallowing', 'difficulty swallowing', 'hard to swallow', 'dysphagia', 'cant swallow', 'cannot swallow', 'struggling to swallow',
    'problems swallowing', 'choking on food', 'food sticking', 'choke on', 'choking on',
  ],
  drop_attack: [
    'drop attack', 'drop attacks', 'legs went from under me', 'legs gave way suddenly', 'suddenly collapsed', 'collapsed suddenly', 'fell without warning',
    'dropped to the floor', 'dropped to the ground',
  ],
  faint: ['blacked out', 'black out', 'blackout', 'blackouts', 'passed out', 'fainted', 'faint', 'fainting', 'collapsed', 'nearly fainted', 'felt faint'],
  dizzy: [
    'dizzy', 'dizy', 'dizzyness', 'dizzines', 'dizziness', 'dizzie*', 'giddy', 'giddiness', 'vertigo', 'room spinning', 'room spins', 'spinning', 'lightheaded', 'light headed', 'woozy',
    'off balance', 'nystagmus', 'eyes flickering', 'eyes jumping', 'ataxi*',
  ],
  neck_context: [
    'manip', 'hvt', 'hvla', 'neck', 'cervical', 'head', 'headache', 'headaches', 'manipulat*', 'chiropract*', 'chiro', 'osteopath', 'cracked', 'crack', 'clicked my neck', 'adjustment',
    'adjusted', 'whiplash', 'jaw', 'upper back', 'thrust',
  ],
  manipulation: [
    'manip', 'hvt', 'hvla', 'manipulat*', 'chiropract*', 'chiro', 'cracked my neck', 'neck cracked', 'cracked', 'clicked my neck', 'neck adjust*', 'adjusted my neck', 'adjustment',
    'neck was adjusted', 'high velocity', 'thrust', 'osteopath cracked', 'neck crack*', 'whiplash',
  ],
  face_area: ['face', 'facial', 'lip', 'lips', 'cheek', 'tongue', 'side of my face'],
  // Myelopathy (IFOMPT).
  clumsy: ['clumsy', 'clumsiness', 'fumbling', 'fumble', 'fumbly', 'trouble with buttons', 'difficulty with buttons', 'cant do up buttons', 'cant do buttons', 'cannot do up buttons', 'struggle with buttons', 'struggling with buttons', 'buttons are hard', 'buttons hard', 'buttons are difficult', 'buttons difficult', 'doing up buttons is hard'],
  fine_task: ['buttons', 'doing up buttons', 'do up buttons', 'button', 'zips', 'zip', 'shoelaces', 'laces', 'fine movements', 'picking up coins', 'pick up coins', 'picking up small', 'jar lids', 'fasten'],
  hand_word: ['hand', 'hands', 'finger', 'fingers', 'fingertips', 'both hands', 'thumb', 'thumbs'],
  dexterity_problem: ['hard', 'difficult', 'difficulty', 'trouble', 'struggle', 'struggling', 'cant', 'cannot', 'unable', 'harder', 'clumsy', 'fumbl*', 'problems'],
  dropping_things: [
    'dropping things', 'drop things', 'keep dropping', 'keeps dropping', 'dropped things', 'dropping cups', 'dropping my cup', 'dropped my cup',
    'dropping objects', 'drops things', 'dropping stuff', 'things fall out of my hands', 'things slip out of my hands', 'losing my grip', 'grip is weak',
  ],
  both_hands: ['both hands', 'both my hands', 'hands', 'both arms', 'all my fingers', 'both thumbs', 'bilateral hand', 'bilateral hands', 'bilat hand', 'bilat hands', 'bl hand', 'bl hands', 'bilateral upper limb', 'bilateral ue', 'bl ue'],
  carpal_tunnel: [
    'carpal tunnel', 'cts', 'wrist splint', 'wrist splints', 'tingle at night', 'tingles at night', 'tingling at night', 'tingly at night', 'numb at night',
    'numbness at night', 'go numb at night', 'goes numb at night', 'tingle overnight', 'tingling overnight', 'numb overnight', 'pins and needles at night',
    'tingle in the night', 'tingling in the night', 'numb in the night', 'wake with tingling', 'wakes with tingling', 'wake up with tingling', 'wake with numb', 'wake up with numb', 'wakes up with numb',
  ],
  // An unstable joint after a sprain is local, not the unsteady gait of myelopathy: the longer phrase wins.
  joint_instability: [
    'wobbly ankle', 'ankle wobbly', 'ankle feels wobbly', 'ankle is wobbly', 'ankle unstable', 'unstable ankle', 'ankle feels unstable', 'ankle is unstable',
    'wobbly knee', 'knee wobbly', 'knee feels wobbly', 'knee is wobbly', 'knee unstable', 'unstable knee', 'knee feels unstable', 'knee is unstable',
    'wobbly on that ankle', 'wobbly on that foot', 'wobbly on that leg', 'wobbly on the ankle',
  ],
  unsteady: [
    'unsteady', 'unbalanced', 'off balance', 'loss of balance', 'losing balance', 'losing my balance', 'balance problems', 'poor balance', 'staggering',
    'wobbly', 'stagger*', 'like i am drunk', 'like im drunk', 'as if drunk', 'as if i were drunk', 'drunk', 'bumping into', 'veering', 'wide based', 'shuffling',
    'unstable', 'legs feel stiff', 'stiff legs', 'balance is', 'balance has', 'balance getting', 'balance worse', 'balance poor'
  ],
  balance_named: [
    'cant walk in a straight line', 'cant walk straight', 'walk in a straight line', 'walking in a straight line', 'walking into walls', 'veering to one side',
    'veers to one side', 'heel to toe', 'bumping into walls', 'legs wont go where i want','balance is off', 'balance is worse', 'balance has gone', 'balance is poor', 'balance getting worse', 'losing my balance', 'walking like a drunk', 'walk like a drunk', 'gait disturbance', 'ataxic gait'],
  gait: ['walk', 'walks', 'walking', 'gait', 'on my feet', 'legs', 'stairs', 'feet', 'steps', 'balance', 'standing', 'stand'],
  cauda_named: ['cauda equina', 'cauda equina syndrome', 'ces', 'cauda equina symptoms', 'cauda equina signs', 'query ces', 'suspected ces', 'conus'],
  vbi_named: ['vbi', 'vertebrobasilar', 'vertebrobasilar insufficiency', 'vertebral artery', 'carotid dissection', 'arterial dissection', 'artery dissection', 'dissection', '5 ds', '4 ds', 'five ds', 'cervical arterial dysfunction', 'cad symptoms', 'cad signs'],
  cp_abbrev: ['cp', 'chest pain'],
  electric: ['electric', 'electric shock', 'electric shocks', 'electricity', 'shock like', 'zaps', 'zapping', 'lhermitte*', 'shooting down my spine'],
  spine_or_limbs: ['spine', 'back', 'neck', 'arms', 'legs', 'down my', 'bend my head', 'look down', 'chin'],
  // Trauma (AHCPR major trauma; minor trauma as a fact for escalations).
  vehicle: ['car', 'cars', 'vehicle', 'motorbike', 'motorcycle', 'bike', 'bicycle', 'truck', 'bus', 'motor vehicle', 'mva', 'rta', 'road traffic', 'van', 'lorry', 'mvc', 'mvi', 'rtc', 'motor vehicle collision', 'motor vehicle accident', 'airbag*', 'scooter', 'ebike', 'mountain bike'],
  collision: [
    'accident', 'crash', 'crashed', 'collision', 'hit by', 'rear ended', 'rear end', 'knocked off', 'thrown from', 'rollover', 'rolled over', 'car rolled', 'rolled the car', 'overturned',
    'flipped', 'head on', 'airbag*', 'written off', 'ran into', 'smash', 'smashed', 'pile up', 'shunt', 'mva', 'rta', 'rtc', 'windscreen', 'high speed', 'mvc', 'mvi', 't boned', 'tboned', 'side swiped', 'sideswiped', 'rammed',
  ],
  // High-energy mechanisms on their own (AHCPR major trauma): thrown over the handlebars, landed on the head, a broken helmet.
  // A low-energy collision: the airbag did not go off.
  low_energy: [
    'airbags didnt deploy', 'airbag didnt deploy', 'airbags did not deploy', 'airbag did not deploy', 'airbags didnt go off', 'airbag didnt go off',
    'airbags did not go off', 'airbags not deployed', 'airbag not deployed', 'no airbags deployed', 'no airbag deployment', 'airbags werent deployed',
  ],
  major_mechanism: [
    'over the handlebars', 'over the bars', 'over the handle bars', 'over his handlebars', 'over her handlebars', 'over my handlebars', 'thrown off', 'thrown from',
    'landed on my head', 'landed on head', 'landed on her head', 'landed on his head', 'landed on the head', 'landed head first', 'head first',
    'helmet cracked', 'cracked helmet', 'cracked his helmet', 'cracked her helmet', 'cracked my helmet', 'helmet split', 'helmet broke', 'broke his helmet', 'broke her helmet', 'broke my helmet',
    'airbag*', 'ejected', 'knocked unconscious', 'knocked out', 'lost consciousness', 'loss of consciousness', 'rolled the car', 'car rolled', 't boned', 'tboned',
  ],
  fall_verb: ['fell', 'fall', 'falling', 'fallen', 'came off', 'tripped', 'slipped', 'falls'],
  // "Fear of falling" is not a fall; nor is falling asleep (second edition).
  not_a_fall: [
    'fear of falling', 'afraid of falling', 'scared of falling', 'worried about falling', 'frightened of falling', 'nervous about falling', 'anxious about falling',
    'afraid ill fall', 'afraid i will fall', 'afraid i might fall', 'afraid i may fall', 'afraid to fall', 'scared ill fall', 'scared i will fall',
    'scared i might fall', 'worried ill fall', 'worried i will fall', 'worried i might fall', 'worried shell fall', 'worried hell fall', 'frightened ill fall',
    'fall risk', 'falls risk', 'risk of falling', 'risk of falls', 'falls prevention', 'fall prevention', 'falling asleep', 'fall asleep', 'falls asleep',
    'fell asleep', 'nearly fell', 'almost fell', 'nearly fall', 'almost fall', 'fall apart', 'falling apart', 'fell apart',
    'fell pregnant', 'fall pregnant', 'fall behind', 'fell behind', 'fall in love', 'fell in love', 'fell out with',
  ],
  height: ['ladder', 'roof', 'height', 'heights', 'flight of stairs', 'down the stairs', 'downstairs', 'scaffold*', 'balcony', 'tree', 'horse'],
  minor_trauma: ['whiplash', 'hit my', 'was hit', 'struck', 'banged my', 'knocked my', 'head hit', 'hit her head', 'hit his head', 'hit my head', 'banged her head', 'banged his head'],
  neck_trauma: ['over the handlebars', 'over the bars', 'landed on my head', 'landed on head', 'landed on her head', 'landed on his head', 'landed on the head', 'head first', 'helmet cracked', 'cracked helmet', 'cracked my helmet', 'whiplash', 'windscreen', 'head hit', 'hit my head', 'hit her head', 'hit his head', 'banged my head', 'banged her head', 'banged his head', 'head injury', 'concussion'],
  standing_fall: ['from standing', 'standing height', 'own height', 'fell', 'fall', 'fallen', 'falls', 'tripped', 'slipped', 'fell over', 'had a fall', 'took a tumble', 'tumble'],
  // Systemic precautions.
  anticoagulant: [
    'anticoag*', 'blood thinner', 'blood thinners', 'blood thinning', 'thins my blood', 'thin my blood', 'warfarin', 'coumadin', 'jantoven', 'apixaban', 'eliquis',
    'rivaroxaban', 'xarelto', 'dabigatran', 'pradaxa', 'edoxaban', 'lixiana', 'savaysa', 'heparin', 'enoxaparin', 'lovenox', 'clexane', 'dalteparin', 'fragmin',
    'tinzaparin', 'innohep', 'on doac', 'on a doac', 'on noac', 'fondaparinux', 'arixtra', 'doac', 'doacs', 'noac', 'noacs', 'inr clinic', 'inr checks', 'inr checked', 'thinners', 'on thinners',
    'blood thinning tablets', 'blood thinning medication', 'xeralto', 'zarelto', 'xarelo', 'elliquis', 'eliquiss', 'apixiban', 'rivaroxiban', 'warfrin', 'warfirin', 'wafarin',
    'inr',
  ],
  antiplatelet: [
    'antiplatelet*', 'clopidogrel', 'plavix', 'ticagrelor', 'brilinta', 'brilique', 'prasugrel', 'effient', 'dipyridamole', 'persantine', 'aggrenox',
    'low dose aspirin', 'low-dose aspirin', 'baby aspirin', 'aspirin daily', 'daily aspirin', 'aspirin every day', 'aspirin 75', 'aspirin 81', 'aspirin 75mg',
    'aspirin 81mg', 'aspirin once a day', 'aspirin for my heart', 'dual antiplatelet', 'plavics', 'plavex', 'clopidogrl', 'clopidagrel', 'brilinta'
  ],
  aspirin: ['aspirin', 'asprin', 'aspirine'],
  nsaid: [
    'ibuprofen', 'naproxen', 'diclofenac', 'nsaid', 'nsaids', 'anti inflammatories', 'anti inflammatory', 'antiinflammatories', 'anti inflammatory tablets',
    'celecoxib', 'meloxicam', 'etoricoxib', 'indomethacin', 'nurofen', 'advil', 'motrin', 'aleve', 'naprosyn', 'voltaren', 'voltarol', 'arcoxia', 'celebrex',
  ],
  regular_use: [
    'daily', 'every day', 'each day', 'a day', 'per day', 'twice a day', 'three times a day', 'twice daily', 'long term', 'long-term', 'regularly', 'regular',
    'for months', 'for years', 'all the time', 'every morning', 'every night', 'most days', 'on', 'takes', 'taking', 'prescribed', 'mg', 'bd', 'tds', 'od',
    'chronic', 'for my heart', 'after my stent', 'after my heart attack', 'after my stroke', 'since my stroke', 'since my heart attack', 'since my stent',
  ],
  nsaid_regular: [
    'daily', 'every day', 'each day', 'long term', 'long-term', 'regularly', 'regular', 'for months', 'for years', 'all the time', 'most days', 'twice a day',
    'three times a day', 'twice daily', 'chronic', 'bd', 'tds', 'every morning', 'every night', 'a day', 'per day', 'prescribed', 'on repeat',
  ],
  bleeding_word: ['haemophilia', 'hemophilia', 'von willebrand', 'bleeding disorder', 'bruise easily', 'bruises easily', 'bruising easily', 'thrombocytopeni*', 'low platelets'],
  osteoporosis_word: ['osteoporo*', 'osteoperosis', 'osteoporisis', 'ostioporosis', 'osteoprosis', 'brittle bones', 'thin bones', 'fragile bones', 'weak bones', 'bone thinning', 'thinning of the bones', 'low bone density'],
  osteopenia_word: ['osteopeni*', 'bone density a bit low', 'slightly low bone density', 'early bone thinning', 'mild bone thinning'],
  fibromyalgia_word: ['fibromyalg*', 'fibro', 'fms', 'fibrositis', 'chronic widespread pain'],
  pregnancy_word: [
    'pregnan*', 'preggers', 'preggo', 'pregant', 'pregnent', 'weeks pregnant', 'wks pregnant', 'wks gestation', 'baby due', 'gravid*', 'primip', 'multip', 'trimester', 'expecting a baby', 'expecting twins', 'expecting our', 'gestation*', 'antenatal', 'prenatal', 'weeks gestation', 'with child',
    'baby is due', 'due date', 'my bump', 'baby bump', 'weeks along',
  ],
  postpartum: ['postpartum', 'postnatal', 'after giving birth', 'gave birth', 'after my pregnancy', 'since my pregnancy', 'after pregnancy', 'post partum', 'had my baby', 'had a baby'],
  // High-risk pregnancy (second edition): pre-eclampsia signs, bleeding, placenta praevia.
  high_risk_named: [
    'pre eclampsia', 'preeclampsia', 'pre eclamptic', 'preeclamptic', 'eclampsia', 'placenta praevia', 'placenta previa', 'praevia', 'previa', 'low lying placenta',
    'high risk pregnancy', 'high-risk pregnancy', 'placental abruption', 'toxaemia', 'toxemia', 'hellp', 'gestational hypertension', 'pregnancy induced hypertension',
  ],
  pregnancy_warning: [
    'bleeding', 'bleed', 'spotting', 'blood loss', 'vaginal bleeding', 'visual disturbance', 'visual disturbances', 'blurred vision', 'blurry vision',
    'seeing spots', 'seeing stars', 'flashing lights', 'flashing', 'spots in front of my eyes', 'vision', 'face swollen', 'swollen face', 'puffy face',
    'face is swollen', 'face has swollen', 'face is puffy', 'swelling of my face', 'swelling of the face', 'swelling in my face', 'hands swollen', 'swollen hands',
    'hands are swollen', 'hands have swollen', 'puffy hands', 'swelling of my hands', 'swelling of the hands', 'swelling in my hands', 'fingers swollen',
    'swollen fingers', 'rings dont fit', 'rings tight', 'sudden swelling', 'high blood pressure', 'blood pressure is high', 'blood pressure high', 'bp high',
    'protein in my urine', 'protein in urine', 'reduced movements', 'baby not moving', 'upper abdominal pain', 'pain under my ribs', 'severe headache', 'bad headache', 'terrible headache', 'awful headache', 'pounding headache', 'worst headache', 'splitting headache', 'constant headache', 'persistent headache', 'headache that wont go', 'headache wont go', 'headache that wont go away', 'headache wont go away',
  ],
  pregnancy_weak: ['expecting', 'expectant', 'due in', 'baby on the way'],
  // Filled by the reader: a bare number of weeks as a gestation ("32 weeks, swollen face").
  gestation: [],
  // Filled by the reader: gestation in obstetric notation ("28/40").
  gestation_written: [],
  face_hands: ['face', 'facial', 'hands', 'fingers', 'eyes', 'eyelids', 'hands and face', 'face and hands'],
  // Diabetes (second edition): peripheral neuropathy in lay words.
  neuropathy_word: ['neuropath*', 'polyneuropath*'],
  diabetes_word: ['sugar', 'diabet*', 'type 2', 'type ii', 'type 1', 'type i diabetes', 't2dm', 't1dm', 'dm2', 'niddm', 'iddm', 'insulin', 'metformin', 'sugar diabetes', 'blood sugar', 'sugars'],
  feet_word: ['feet', 'foot', 'toes', 'toe', 'soles', 'sole', 'both feet', 'legs', 'lower legs', 'stocking'],
  fragile_skin_word: ['fragile skin', 'thin skin', 'skin tears', 'skin tear', 'papery skin', 'paper thin skin'],
  heart_word: [
    'heart failure', 'heart disease', 'heart attack', 'angina', 'coronary', 'pacemaker', 'cardiac', 'cardiomyopathy', 'arrhythmi*', 'atrial fibrillation',
    'afib', 'af', 'heart condition', 'heart problem', 'heart problems', 'stent', 'stents', 'bypass', 'triple bypass', 'heart valve', 'mi', 'ischaemic heart', 'ischemic heart', 'ihd'
  ],
  hypertension: ['hypertension', 'high blood pressure', 'blood pressure', 'bp', 'htn', 'hypertensive', 'raised blood pressure'],
  hypertension_dx: ['hypertension', 'high blood pressure', 'htn', 'hypertensive', 'raised blood pressure', 'high bp', 'blood pressure tablets', 'blood pressure medication', 'blood pressure pills', 'bp tablets', 'bp meds'],
  uncontrolled: ['uncontrolled', 'high today', 'raised today', 'not controlled', 'poorly controlled', 'out of control', 'very high', 'dangerously high', 'severe', 'sky high', 'badly controlled', 'not well controlled', 'not under control', 'through the roof', 'really high'],
  hypertensive_crisis: ['hypertensive crisis', 'malignant hypertension', 'hypertensive emergency', 'hypertensive urgency'],
  // Deep vein thrombosis (Wells 1997): a swollen, warm, red, tender calf after immobility.
  dvt_named: [
    'dvt', 'dvts', 'deep vein thrombosis', 'deep venous thrombosis', 'blood clot', 'blood clots', 'a clot', 'clot in my leg', 'clot in the leg', 'thrombosis', 'thrombus',
    'thrombophlebitis', 'pulmonary embolism', 'pulmonary emboli', 'embolism', 'clot', 'clots'
  ],
  leg: ['whole leg', 'entire leg', 'calf', 'calves', 'leg', 'legs', 'shin', 'shins', 'lower leg', 'thigh', 'thighs', 'back of my knee', 'behind my knee', 'behind the knee'],
  calf_word: ['calf', 'calves', 'lower leg', 'back of my knee', 'behind my knee', 'behind the knee', 'back of the knee', 'back of my leg', 'left leg', 'right leg', 'one leg'],
  swelling: ['pitting', 'pitting oedema', 'pitting edema', 'swell*', 'swollen', 'puffy', 'puffiness', 'edema', 'oedema', 'oedematous', 'edematous', 'enlarged', 'bigger than the other', 'fatter than the other', 'tight and shiny', 'bigger than the', 'larger than the', 'fatter than the', 'thicker than the',
    'bigger than my', 'larger than my'],
  warmth: ['hot', 'warm', 'warmth', 'feels hot', 'warmer', 'hotter', 'warm to touch', 'hot to touch'],
  redness: ['red', 'redness', 'reddish', 'discoloured', 'discolored', 'purple', 'inflamed', 'bluish', 'blue'],
  tender: ['tender', 'tenderness', 'painful', 'pain', 'aching', 'ache', 'sore', 'hurts', 'cramp', 'cramping', 'tight', 'tightness'],
  immobility: [
    'flight', 'flights', 'flew', 'flying', 'plane', 'long flight', 'long drive', 'long haul', 'long journey', 'journey', 'long trip', 'coach trip', 'road trip',
    'travel', 'travelled', 'traveled', 'bed rest', 'bedridden', 'bed ridden', 'immobil*', 'in a cast', 'cast', 'plaster', 'after surgery', 'long car ride',
    'after an operation', 'after the operation', 'after my operation', 'since the operation', 'since my operation', 'since surgery', 'since the surgery',
    'after my surgery', 'post op', 'postop', 'post operative', 'postoperative*', 'operation', 'surgery', 'hospital stay', 'in hospital', 'laid up', 'off my feet',
    'in a boot', 'walking boot', 'moon boot', 'air boot', 'contraceptive pill', 'the pill', 'hrt', 'op', 'hip op', 'knee op', 'since the op', 'after the op', 'coach trip',
    'long coach trip', 'train journey', 'in bed', 'postpartum', 'post partum', 'c section', 'caesarean', 'gave birth',
  ],
  // Risk factors of DVT (Wells; second edition) without calf signs.
  dvt_risk: [
    'long flight', 'long haul', 'long haul flight', 'long-haul flight', 'long drive', 'long journey', 'long car ride', 'long car journey', 'long coach trip',
    'long train journey', 'bed rest', 'bedridden', 'bed ridden', 'laid up in bed', 'in bed for', 'immobilised', 'immobilized', 'in a cast', 'in plaster', 'plaster cast',
    'leg in a cast', 'in a boot', 'moon boot', 'walking boot', 'hospital stay', 'in hospital for', 'flew back', 'flew in', 'flight from', 'flight back',
    'hour flight', 'hours flight', 'hour drive', 'hours drive', 'hour journey',
  ],
  // Local contraindications.
  surgery_word: [
    'surgery', 'surgeries', 'operation', 'operated', 'surgical', 'post op', 'postop', 'incision', 'stitches', 'sutures', 'staples', 'arthroscop*',
    'replacement', 'reconstruction', 'repair', 'repaired', 'op',
  ],
  recent_word: [
    'recent*', 'weeks ago', 'week ago', 'days ago', 'day ago', 'yesterday', 'last week', 'last month', 'this month', 'a month ago', 'just had', 'post op',
    'postop', 'still healing', 'healing', 'not healed', 'weeks post', 'days post', 'week post', 'fortnight ago', 'a fortnight', 'last weekend', 'this week', 'last wk', 'wk ago', 'wks ago',
    'today', 'this morning', 'last night', 'on monday', 'on tuesday', 'on wednesday', 'on thursday', 'on friday', 'on saturday', 'on sunday', 'hours ago',
  ],
  long_ago: ['years ago', 'year ago', 'yrs ago', 'yr ago', 'yrs back', 'years earlier', 'as a child', 'as a kid', 'long ago', 'long time ago', 'decades ago', 'as a teenager', 'when i was young', 'when i was younger'],
  fracture_word: ['fractur*', 'broken bone', 'broke my', 'broke a', 'broken arm', 'broken leg', 'broken wrist', 'broken ankle', 'cracked a', 'cracked my', 'broke his', 'broke her', 'broke', 'broken', 'snapped my', 'in a cast', 'still in cast', 'still in plaster', 'broken hip', 'broken rib', 'broken ribs', 'broken foot', 'broken hand', 'broken collarbone', 'broken toe', 'broken finger'],
  wound_word: ['open wound', 'healing cut', 'cut on', 'cuts', 'wound dressing', 'dressing on', 'dressing changed', 'covered with a dressing', 'stitches in', 'wound', 'wounds', 'laceration', 'lacerations', 'a cut', 'deep cut', 'graze', 'grazes', 'abrasion', 'ulcer', 'ulcers', 'pressure sore', 'bed sore', 'open sore'],
  burn_word: ['a burn', 'burn on', 'burns on', 'burned my', 'burnt my', 'burnt', 'burned', 'burn to', 'sunburn*', 'scald*', 'blistered', 'blister', 'blisters'],
  varicose_word: ['varicos*'],
  aneurysm_word: ['aneurysm*', 'aaa'],
  radiation_word: ['radiation', 'radiotherapy', 'irradiated'],
  radiation_burn: ['radiation burn', 'radiation burns', 'radiation dermatitis'],
  skin_word: ['skin', 'burn', 'burns', 'burnt', 'red', 'redness', 'raw', 'peeling', 'blistered'],
  pulsating: ['pulsat*', 'pulsing', 'throbbing lump', 'pulses', 'throbs like a heartbeat', 'like a heartbeat', 'heartbeat in my', 'beats like a heart', 'can feel it beating', 'feel my pulse in'],
  mass: ['mass', 'lump'],
  abdomen_word: ['abdomen', 'abdominal', 'belly', 'stomach', 'tummy'],
  // Lymphoedema (second edition): a limb swollen since breast cancer surgery or lymph node removal.
  lymphoedema_word: ['lymphoedema', 'lymphedema', 'lymphoedem*', 'lymphedem*', 'lymph oedema', 'lymph edema'],
  lymph_surgery: [
    'lymph node removal', 'lymph nodes removed', 'lymph nodes were removed', 'lymph nodes taken out', 'lymph node dissection', 'lymph node clearance',
    'nodes removed', 'node removal', 'nodes taken out', 'node clearance', 'node dissection', 'axillary clearance', 'axillary dissection', 'axillary surgery',
    'axillary node', 'sentinel node', 'mastectomy', 'lumpectomy', 'breast cancer surgery', 'breast surgery', 'breast cancer', 'breast cancer treatment',
    'radiotherapy to', 'after cancer', 'since my cancer', 'since cancer', 'cancer surgery', 'cancer treatment', 'nodes out', 'glands removed', 'lymph glands removed'
  ],
  limb: ['arm', 'arms', 'hand', 'hands', 'forearm', 'upper arm', 'leg', 'legs', 'fingers', 'elbow', 'wrist'],
  // Controlled hypertension (second edition): high blood pressure, treated and under control.
  controlled: [
    'controlled', 'well controlled', 'under control', 'on medication', 'on tablets', 'on meds', 'medicated', 'on treatment', 'managed', 'well managed', 'stable',
    'on pills', 'takes tablets', 'takes medication', 'on ramipril', 'on amlodipine', 'on lisinopril', 'on losartan', 'ramipril', 'amlodipine', 'lisinopril', 'losartan',
    'bisoprolol', 'atenolol', 'normal with tablets', 'fine with tablets', 'fine on tablets', 'normal on tablets',
  ],
  // History (second edition): a condition of the past is not a current finding.
  history_before: [
    'history of', 'hx of', 'hx', 'h o', 'ho', 'pmh', 'pmhx', 'previous', 'previously', 'past', 'prior', 'old', 'used to', 'used to have', 'no longer', 'ex', 'former', 'childhood',
    'as a child', 'as a kid', 'long ago', 'years ago', 'when i was young', 'when i was younger', 'back in', 'many years', 'resolved', 'healed',
  ],
  history_after: [
    'years ago', 'year ago', 'yrs ago', 'yr ago', 'yrs back', 'years earlier', 'decades ago', 'long ago', 'a long time ago', 'as a child', 'as a kid', 'as a teenager', 'when i was young', 'when i was younger',
    'resolved', 'recovered', 'healed', 'has healed', 'afebrile', 'apyrexial', 'gone since', 'better since', 'no fever since', 'no temperature since', 'now healed', 'gone', 'now gone', 'has gone', 'gone now', 'all gone', 'cleared', 'has cleared', 'cleared up',
    'settled', 'now settled', 'gone away', 'went away', 'in remission', 'remission', 'all clear', 'given the all clear', 'cured', 'no problems since',
    'no issues since', 'no trouble since', 'none since', 'nothing since', 'fine since', 'no recurrence', 'treated successfully', 'successfully treated',
    'fully recovered', 'fully treated', 'completed treatment', 'finished treatment', 'no longer', 'better now', 'now better', 'now fine', 'is over', 'fine now',
    'ok now', 'okay now', 'all better', 'recovered now', 'over it', 'got over it', 'got over', 'no further', 'well since', 'passed',
    'years back', 'in the past', 'previously', 'childhood', 'last year', 'the year before', 'year before last', 'a few years ago', 'several years ago',
  ],
  // Words that keep a mention current after history ("DVT years ago, now calf swollen again").
  // (Contrast words — but, however, although, still, now — are read by the history check as words, so that they stay negation terminators.)
  current_word: ['again', 'currently', 'new', 'recurr*', 'this week', 'today', 'at the moment', 'presently', 'active', 'ongoing', 'returned', 'back again', 'came back'],
  // Words that are not the body ("back to work", "come back"), read first so they are not regions.
  not_body: [
    'back to', 'back at work', 'back at school', 'back at the gym', 'back in the gym', 'back at uni', 'came back', 'come back', 'comes back', 'coming back', 'went back', 'go back', 'goes back', 'going back', 'get back', 'got back', 'back and forth',
    'years back', 'way back', 'back in', 'on the other hand', 'hand in', 'by hand', 'on foot', 'head of', 'head office', 'headed', 'arms length', 'back home',
    'at the back of my mind', 'back then', 'cut back', 'call back', 'look back', 'looking back', 'bring back', 'hold back', 'held back', 'hand over', 'second hand',
    'broken sleep', 'broke up', 'broke down', 'broke out', 'broken heart', 'heartbroken', 'broke the news', 'broke even', 'burnt out', 'burned out', 'burn out', 'burnout',
    'cuts down', 'cut down', 'cut out', 'cut off', 'cuts back', 'bottom of', 'at the bottom', 'rock bottom', 'bottom line', 'behind on', 'behind with', 'fell behind',
    'left behind', 'behind the', 'from behind', 'lost my balance', 'lost her balance', 'lost his balance', 'lost balance', 'dropped a weight', 'dropped the weight',
    'dropped a weight on', 'walking ok', 'walking okay', 'walking fine', 'walking well', 'walking normally', 'walking is ok', 'walking is okay', 'walking is fine', 'walks ok', 'walks fine',
    'walks normally', 'gait normal', 'normal gait', 'gait is normal', 'gait ok', 'weight bearing', 'bear weight', 'put weight', 'putting weight', 'weight on it', 'weights', 'weight lifting', 'weightlifting', 'lifting weights', 'sugar free', 'no sugar', 'in bed with flu', 'dressed herself', 'dressed himself', 'get dressed', 'got dressed', 'getting dressed', 'dressing myself', 'dressing gown', 'salad dressing',
  ],
} as const satisfies Record<string, readonly string[]>;

export type LexiconConcept = keyof typeof CONCEPTS;
export const SIDE_WORDS = {
  left: ['left', 'lt', 'l', 'left sided', 'left side', 'left hand side'],
  right: ['right', 'rt', 'r', 'right sided', 'right side', 'right hand side'],
  bilateral: ['both', 'bilateral', 'bilaterally', 'both sides', 'either side'],
} as const;

// NegEx-style negation (Chapman 2001): a trigger negates the concepts after it until a clause ends.
export const NEGATION = {
  pre: [
    'no', 'not', 'denies', 'denied', 'deny', 'denying', 'without', 'never', 'negative for', 'free of', 'absence of', 'ruled out', 'rules out', 'nor', 'neither', 'none',
    'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'havent', 'hasnt', 'hadnt', 'wont', 'stopped taking', 'came off', 'discontinued', 'weaned off',
    'no signs of', 'no sign of', 'no evidence of', 'nil', 'absent', 'neg for', 'neg', 'negative to', 'not had', 'never had', 'no history of', 'no hx of', 'no h o',
  ],
  post: ['denied', 'absent', 'negative', 'ruled out', 'resolved', 'none', 'excluded'],
  // "no longer able to…" or "not sure if…" do not deny what follows.
  pseudo: [
    'no longer', 'not only', 'not sure', 'not certain', 'no change', 'no improvement', 'not improving', 'not getting better', 'no relief', 'not helped', 'no better',
    'not better', 'no idea', 'not eased', 'not relieved', 'no matter', 'not well controlled', 'not controlled', 'not under control', 'no position', 'not able',
    'no strength', 'no control', 'no feeling', 'no sensation', 'no urge', 'dont know when', 'no comfortable', 'wont go', 'wont go away', 'wont shift', 'wont settle',
    'wont ease', 'doesnt go', 'doesnt go away', 'not going away', 'wont stop', 'doesnt stop', 'wont budge', 'doesnt ease', 'doesnt settle', 'not settling', 'not easing',
    'never goes', 'never eases', 'cant get rid', 'not stopping', 'hasnt stopped', 'hasnt eased', 'hasnt settled', 'hasnt gone',
  ],
  terminators: [
    'but', 'however', 'although', 'though', 'yet', 'except', 'apart', 'aside', 'besides', 'whereas', 'while', 'still', 'which', 'who', 'since', 'because', 'when',
    'now', 'reports', 'reported', 'complains', 'complained', 'describes', 'described', 'notes', 'noted', 'presents', 'presented', 'states', 'stated', 'admits',
    'endorses', 'mentions', 'says', 'said', 'then', 'other than', 'unlike', 'whilst', 'instead',
  ],
  // After "and", these start a new clause ("no fever and my calf is hot").
  clauseStarters: [
    'i', 'im', 'ive', 'my', 'he', 'she', 'his', 'her', 'it', 'its', 'the', 'they', 'their', 'patient', 'pt', 'has', 'have', 'is', 'was', 'now', 'then', 'reports',
    'complains', 'describes', 'notes', 'feels', 'says', 'gets', 'got', 'also', 'recently', 'today', 'there',
  ],
  verbs: ['is', 'are', 'was', 'were', 'has', 'have', 'had', 'feels', 'feel', 'felt', 'gets', 'got', 'became', 'becomes', 'seems', 'looks', 'keeps', 'started', 'starts', 'began', 'noticed', 'reports', 'complains'],
  // After a comma, these open a new clause rather than another item of a denied list.
  clauseOpeners: ['on', 'takes', 'taking', 'uses', 'using', 'started', 'had', 'has', 'have', 'was', 'is', 'now', 'also', 'plus', 'but', 'currently', 'recently', 'just', 'i', 'im', 'ive', 'my', 'she', 'he', 'her', 'his', 'pt', 'patient', 'reports', 'complains', 'presents', 'gets', 'feels'],
  maxScopeWords: 10,
  /** Beyond this many words from the trigger, a negated mention is ambiguous. */
  sureScopeWords: 6,
} as const;

export interface TextRule {
  /** A catalog code raises a finding; `trauma` is a fact for the escalation rules. */
  code: ConditionCode | 'trauma';
  /** Each concept needs an un-negated mention within the window, in one sentence. */
  all: LexiconConcept[];
  /** At least `min` different concepts of `of` are mentioned near the first `all` concept. */
  some?: { of: LexiconConcept[]; min: number };
  /** At least one of these is among the matched `some` concepts. */
  any?: LexiconConcept[];
  /** Any un-negated mention of these in the sentence cancels the rule (intentional weight loss). */
  none?: LexiconConcept[];
  /** Each of these is mentioned, un-negated, anywhere in the text ("type 2 diabetes. Numb feet."). */
  context?: LexiconConcept[];
  /** Largest distance in words between the first and last matched word; default 10. */
  window?: number;
  /** A local condition: the nearest region word is its location (`required`: only with one; `forbidden`: only without). */
  region?: 'optional' | 'required' | 'forbidden';
  /** When the mention is history ("in 2015", "years ago", "now resolved"): `keep` (default), `drop`, or report this code instead. */
  history?: 'drop' | ConditionCode | 'trauma';
}

export const TEXT_RULES: TextRule[] = [
  // Cauda equina.
  { code: 'bladder_bowel_dysfunction', all: ['continence_organ', 'continence_problem'], window: 8 },
  { code: 'bladder_bowel_dysfunction', all: ['incontinence'] },
  // Reduced sensation of passing urine or stool (not of sitting on the toilet: that is the saddle).
  { code: 'bladder_bowel_dysfunction', all: ['continence_flow', 'sensation_loss'], window: 6 },
  { code: 'saddle_anesthesia', all: ['saddle_area', 'sensation_loss'], window: 8 },
  { code: 'saddle_anesthesia', all: ['saddle_situation', 'sensation_loss'], window: 8 },
  { code: 'cauda_equina_signs', all: ['sexual_dysfunction'] },
  { code: 'cauda_equina_signs', all: ['cauda_named'] },
  { code: 'cauda_equina_signs', all: ['sexual_context', 'sensation_loss'], window: 6 },
  { code: 'cauda_equina_signs', all: ['sexual_context', 'sex_problem'], window: 6 },
  { code: 'cauda_equina_signs', all: ['erection_word', 'erection_problem'], window: 5 },
  { code: 'progressive_weakness', all: ['weakness', 'progression'], window: 10 },
  { code: 'progressive_weakness', all: ['foot_drop'] },
  { code: 'progressive_weakness', all: ['drag_word', 'feet_word'], window: 4 },
  { code: 'progressive_weakness', all: ['getting_weaker'] },
  { code: 'progressive_weakness', all: ['both_legs', 'weakness'], window: 6 },
  { code: 'unexplained_weight_loss', all: ['weight', 'weight_drop'], none: ['intentional'], window: 6 },
  { code: 'unexplained_weight_loss', all: ['weight_loss_lay'], none: ['intentional'] },
  // Night pain (IFOMPT, second edition): constant, not eased by any position, or with systemic signs — not
  // the mechanical pain of lying on the sore side or carpal tunnel tingling.
  { code: 'night_pain', all: ['night_constant_strong'], history: 'drop' },
  { code: 'night_pain', all: ['night_pain_phrase', 'night_constant'], window: 14, history: 'drop' },
  { code: 'night_pain', all: ['waking', 'night_constant'], window: 14, none: ['carpal_tunnel'], history: 'drop' },
  // "Constant tension, poor sleep" is not night pain: the pain itself must be named.
  { code: 'night_pain', all: ['night_time', 'night_constant', 'pain_word'], window: 10, none: ['carpal_tunnel'], history: 'drop' },
  { code: 'night_pain', all: ['night_pain_phrase'], context: ['systemic_sign'], history: 'drop' },
  { code: 'night_pain', all: ['night_pain_phrase'], context: ['weight', 'weight_drop'], history: 'drop' },
  { code: 'night_pain', all: ['night_pain_phrase'], none: ['mechanical_night', 'sensation_loss', 'carpal_tunnel'], history: 'drop' },
  { code: 'night_pain', all: ['waking', 'pain_word'], window: 8, none: ['mechanical_night', 'sensation_loss', 'carpal_tunnel'], history: 'drop' },
  { code: 'fever', all: ['fever_word'], history: 'drop' },
  { code: 'acute_infection', all: ['infection_word'], region: 'forbidden', history: 'drop' },
  { code: 'local_infection', all: ['infection_word'], region: 'required', history: 'drop' },
  { code: 'local_infection', all: ['local_infection_word'], region: 'optional', history: 'drop' },
  // A hot swollen joint is local inflammation; a hot swollen leg is the DVT rule's business.
  { code: 'local_infection', all: ['swelling', 'warmth'], none: ['leg', 'calf_word'], region: 'required', window: 8, history: 'drop' },
  { code: 'local_infection', all: ['warmth', 'redness'], none: ['leg', 'calf_word'], region: 'required', window: 6, history: 'drop' },
  { code: 'local_infection', all: ['acute_inflammation'], region: 'optional', history: 'drop' },
  { code: 'contagious_illness', all: ['contagious_word'], history: 'drop' },
  { code: 'iv_drug_use_immunosuppression', all: ['immunosuppression'] },
  { code: 'cancer', all: ['cancer_word'] },
  { code: 'tumour_site', all: ['tumour_word'], region: 'required', history: 'drop' },
  // Chest pain and the cardiac picture; a chest-wall strain after weights is musculoskeletal.
  { code: 'chest_pain', all: ['chest_area', 'chest_symptom'], window: 5, none: ['msk_chest'] },
  { code: 'chest_pain', all: ['dyspnoea'], none: ['sport_training'] },
  // "CP" is chest pain in a note when exertion or the arm goes with it (not cerebral palsy).
  { code: 'chest_pain', all: ['cp_abbrev', 'exertion'], window: 8 },
  { code: 'chest_pain', all: ['cp_abbrev', 'cardiac_site_limb'], window: 8 },
  { code: 'cardiac_symptoms', all: ['cp_abbrev', 'exertion', 'cardiac_site_limb'], window: 12 },
  { code: 'cardiac_symptoms', all: ['cardiac_site', 'discomfort', 'exertion'], window: 12, none: ['msk_chest', 'msk_arm'] },
  { code: 'cardiac_symptoms', all: ['cardiac_site_weak', 'discomfort', 'exertion_strong'], window: 10, none: ['msk_chest', 'msk_arm'] },
  { code: 'cardiac_symptoms', all: ['cardiac_site_specific', 'discomfort', 'rest_relief'], window: 12, none: ['msk_chest', 'msk_arm'] },
  { code: 'cardiac_symptoms', all: ['cardiac_site', 'discomfort', 'sweating'], window: 12 },
  { code: 'cardiac_symptoms', all: ['cardiac_site_weak', 'discomfort', 'dyspnoea'], window: 12, none: ['msk_chest', 'msk_arm'] },
  { code: 'cardiac_symptoms', all: ['cardiac_site_weak', 'discomfort', 'sweating'], window: 12, none: ['msk_chest'] },
  { code: 'cardiac_symptoms', all: ['cardiac_site_weak', 'discomfort', 'exertion', 'rest_relief'], window: 16, none: ['msk_chest', 'msk_arm'] },
  { code: 'cardiac_symptoms', all: ['cardiac_site_limb', 'discomfort', 'dyspnoea'], window: 12, none: ['msk_chest', 'msk_arm'] },
  { code: 'cardiac_symptoms', all: ['dyspnoea', 'sweating'], window: 10 },
  { code: 'cardiac_symptoms', all: ['discomfort', 'exertion', 'sweating'], window: 12 },
  { code: 'cardiac_symptoms', all: ['exertion', 'dyspnoea', 'rest_relief'], window: 12, none: ['msk_arm'] },
  // Cervical artery dissection: the 5 Ds and 3 Ns, a new severe headache, above all after manipulation.
  { code: 'cervical_artery_dissection_signs', all: ['headache', 'sudden_severe'], window: 4 },
  { code: 'cervical_artery_dissection_signs', all: ['diplopia'] },
  { code: 'cervical_artery_dissection_signs', all: ['vbi_named'] },
  { code: 'cervical_artery_dissection_signs', all: ['speech_trouble'] },
  { code: 'cervical_artery_dissection_signs', all: ['swallow_trouble'] },
  { code: 'cervical_artery_dissection_signs', all: ['dexterity_problem', 'swallow_word'], window: 5 },
  { code: 'cervical_artery_dissection_signs', all: ['dexterity_problem', 'speech_word'], window: 3, context: ['neck_context'] },
  { code: 'cervical_artery_dissection_signs', all: ['drop_attack'] },
  { code: 'cervical_artery_dissection_signs', all: ['dizzy'], context: ['neck_context'] },
  { code: 'cervical_artery_dissection_signs', all: ['faint'], context: ['neck_context'] },
  { code: 'cervical_artery_dissection_signs', all: ['visual'], context: ['neck_context'] },
  { code: 'cervical_artery_dissection_signs', all: ['nausea'], context: ['headache'] },
  { code: 'cervical_artery_dissection_signs', all: ['nausea'], context: ['manipulation'] },
  { code: 'cervical_artery_dissection_signs', all: ['headache'], context: ['manipulation'] },
  { code: 'cervical_artery_dissection_signs', all: ['face_area', 'sensation_loss'], window: 4 },
  // Myelopathy.
  { code: 'myelopathy_signs', all: ['clumsy', 'hand_word'], window: 6 },
  { code: 'myelopathy_signs', all: ['clumsy'], none: ['carpal_tunnel'] },
  { code: 'myelopathy_signs', all: ['fine_task', 'dexterity_problem'], window: 5 },
  { code: 'myelopathy_signs', all: ['dropping_things'] },
  { code: 'myelopathy_signs', all: ['both_hands', 'sensation_loss'], window: 6, none: ['carpal_tunnel'] },
  { code: 'myelopathy_signs', all: ['unsteady', 'gait'], window: 6 },
  { code: 'myelopathy_signs', all: ['balance_named'] },
  { code: 'myelopathy_signs', all: ['electric', 'spine_or_limbs'], window: 8 },
  { code: 'myelopathy_signs', all: ['lhermitte'] },
  // Trauma.
  { code: 'major_trauma', all: ['vehicle', 'collision'], window: 8, history: 'trauma' },
  { code: 'major_trauma', all: ['fall_verb', 'height'], window: 8, history: 'trauma' },
  { code: 'major_trauma', all: ['major_mechanism'], history: 'trauma' },
  { code: 'trauma', all: ['collision'] },
  { code: 'trauma', all: ['fall_verb'] },
  { code: 'trauma', all: ['minor_trauma'] },
  // Recent: the lead reads older neck trauma from the mechanism and the duration.
  { code: 'recent_neck_trauma', all: ['neck_trauma', 'recent_word'], window: 12, history: 'drop' },
  { code: 'recent_neck_trauma', all: ['collision', 'recent_word'], window: 12, context: ['neck_context'], history: 'drop' },
  // A fall from standing in an osteoporotic patient raises a fracture question (AHCPR; second edition).
  { code: 'suspected_fracture', all: ['standing_fall'], context: ['osteoporosis_word'], history: 'drop' },
  { code: 'suspected_fracture', all: ['standing_fall'], context: ['osteopenia_word'], history: 'drop' },
  { code: 'pulsating_abdominal_mass', all: ['pulsating', 'mass'], window: 6 },
  { code: 'pulsating_abdominal_mass', all: ['pulsating', 'abdomen_word'], window: 6 },
  // Medication.
  { code: 'anticoagulants', all: ['anticoagulant'], history: 'drop' },
  { code: 'antiplatelets', all: ['antiplatelet'], history: 'drop' },
  { code: 'antiplatelets', all: ['aspirin', 'regular_use'], window: 4, history: 'drop' },
  { code: 'antiplatelets', all: ['nsaid', 'nsaid_regular'], window: 6, history: 'drop' },
  { code: 'bleeding_disorder', all: ['bleeding_word'] },
  { code: 'osteoporosis', all: ['osteoporosis_word'] },
  { code: 'osteopenia', all: ['osteopenia_word'] },
  { code: 'fibromyalgia', all: ['fibromyalgia_word'] },
  { code: 'pregnancy', all: ['pregnancy_word'], none: ['postpartum'], history: 'drop' },
  { code: 'high_risk_pregnancy', all: ['high_risk_named'], history: 'drop' },
  { code: 'high_risk_pregnancy', all: ['pregnancy_warning'], context: ['pregnancy_word'], history: 'drop' },
  { code: 'high_risk_pregnancy', all: ['face_hands', 'swelling'], window: 5, context: ['pregnancy_word'], history: 'drop' },
  { code: 'high_risk_pregnancy', all: ['pregnancy_warning'], context: ['gestation'], history: 'drop' },
  { code: 'high_risk_pregnancy', all: ['face_hands', 'swelling'], window: 5, context: ['gestation'], history: 'drop' },
  { code: 'pregnancy', all: ['pregnancy_weak'], context: ['gestation'], history: 'drop' },
  { code: 'pregnancy', all: ['gestation_written'], history: 'drop' },
  { code: 'diabetic_neuropathy', all: ['neuropathy_word'] },
  { code: 'diabetic_neuropathy', all: ['sensation_loss', 'feet_word'], window: 6, context: ['diabetes_word'] },
  { code: 'fragile_skin', all: ['fragile_skin_word'] },
  { code: 'heart_disease', all: ['heart_word'] },
  { code: 'uncontrolled_hypertension', all: ['hypertension', 'uncontrolled'], window: 5 },
  { code: 'uncontrolled_hypertension', all: ['hypertensive_crisis'] },
  { code: 'controlled_hypertension', all: ['hypertension_dx'], none: ['uncontrolled', 'hypertensive_crisis'] },
  { code: 'controlled_hypertension', all: ['hypertension', 'controlled'], window: 6, none: ['uncontrolled', 'hypertensive_crisis'] },
  // Deep vein thrombosis (Wells): named, or a swollen / warm / red / tender calf, above all after immobility.
  { code: 'deep_vein_thrombosis', all: ['dvt_named'], history: 'dvt_history' },
  { code: 'deep_vein_thrombosis', all: ['leg'], some: { of: ['swelling', 'warmth', 'redness', 'immobility'], min: 2 }, window: 10 },
  {
    code: 'deep_vein_thrombosis',
    all: ['calf_word'],
    some: { of: ['swelling', 'warmth', 'redness', 'tender', 'immobility'], min: 2 },
    any: ['swelling', 'warmth', 'redness', 'immobility'],
    window: 10,
  },
  { code: 'dvt_risk_factor', all: ['dvt_risk'], history: 'drop' },
  { code: 'dvt_risk_factor', all: ['surgery_word', 'recent_word'], window: 10, history: 'drop' },
  // Local contraindications.
  { code: 'recent_surgery_site', all: ['surgery_word', 'recent_word'], region: 'optional', window: 10, history: 'drop' },
  { code: 'recent_fracture', all: ['fracture_word'], none: ['long_ago'], region: 'optional', history: 'drop' },
  { code: 'open_wound', all: ['wound_word'], region: 'optional', history: 'drop' },
  { code: 'burn', all: ['burn_word'], region: 'optional', history: 'drop' },
  { code: 'varicose_veins', all: ['varicose_word'], region: 'optional' },
  { code: 'aneurysm', all: ['aneurysm_word'], region: 'optional' },
  { code: 'radiation_skin', all: ['radiation_word', 'skin_word'], region: 'optional', window: 6, history: 'drop' },
  { code: 'radiation_skin', all: ['radiation_burn'], region: 'optional', history: 'drop' },
  { code: 'lymphoedema', all: ['lymphoedema_word'], region: 'optional' },
  { code: 'lymphoedema', all: ['swelling', 'lymph_surgery'], region: 'optional', window: 12 },
];
