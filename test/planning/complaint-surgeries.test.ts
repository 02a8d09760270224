// Operations told only in the complaint become dated operations of the patient's own; planned, denied,
// old and other people's operations do not.
import { readSurgeries } from '../../src/planning/screening/complaint.surgeries';

const TODAY = '2026-11-20';
const read = (text: string) => readSurgeries(text, TODAY).map(({ procedure, approach, region, side, days }) => ({ procedure, approach, region, side, days }));

describe('operations read from the complaint', () => {
  it.each([
    ['Had L knee replaced 10 days ago.', { procedure: 'total_knee_arthroplasty', approach: null, region: 'knee', side: 'left', days: 10 }],
    ['R hip replaced 3 wks ago (posterior approach).', { procedure: 'total_hip_arthroplasty', approach: 'posterior', region: 'hip', side: 'right', days: 21 }],
    ['R TKR 12/7 ago, on crutches', { procedure: 'total_knee_arthroplasty', approach: null, region: 'knee', side: 'right', days: 12 }],
    ['L THR on 30 Oct', { procedure: 'total_hip_arthroplasty', approach: null, region: 'hip', side: 'left', days: 21 }],
    ['THR 12th of December', { procedure: 'total_hip_arthroplasty', approach: null, region: 'hip', side: null, days: 343 }],
    ['Day 10 post-op L rotator cuff repair', { procedure: 'rotator_cuff_repair', approach: null, region: 'shoulder', side: 'left', days: 10 }],
    ['Had her R hip done a fortnight ago', { procedure: 'total_hip_arthroplasty', approach: null, region: 'hip', side: 'right', days: 14 }],
    ['Keyhole surgery on her right shoulder last week', { procedure: 'other', approach: null, region: 'shoulder', side: 'right', days: 7 }],
    ['L4/5 fusion 5 weeks ago', { procedure: 'spinal_fusion', approach: null, region: 'lower_back', side: null, days: 35 }],
    ['Knee replacement surgery 2 weeks ago', { procedure: 'total_knee_arthroplasty', approach: null, region: 'knee', side: null, days: 14 }],
    // An arthroscopy as clinicians and patients tell it.
    ['L knee scope 8 days ago for meniscus', { procedure: 'other', approach: null, region: 'knee', side: 'left', days: 8 }],
    ['Had my R shoulder scoped last week', { procedure: 'other', approach: null, region: 'shoulder', side: 'right', days: 7 }],
    // Organs taken out, -ectomy words and lumps cut out (review round 8).
    ['Had her gallbladder out 10 days ago (keyhole).', { procedure: 'other', approach: null, region: 'abdomen', side: null, days: 10 }],
    ['Appendix removed last week', { procedure: 'other', approach: null, region: 'abdomen', side: null, days: 7 }],
    ['Had my womb out 5 weeks ago', { procedure: 'other', approach: null, region: 'abdomen', side: null, days: 35 }],
    ['Lap cholecystectomy 2 weeks ago', { procedure: 'other', approach: null, region: 'abdomen', side: null, days: 14 }],
    ['Total thyroidectomy 3 weeks ago', { procedure: 'other', approach: null, region: 'neck', side: null, days: 21 }],
    [
      'Had a benign lump removed from L breast under local anaesthetic 5 days ago',
      { procedure: 'other', approach: null, region: 'chest', side: 'left', days: 5 },
    ],
    ['Mole cut out of R shoulder 4 days ago', { procedure: 'other', approach: null, region: 'shoulder', side: 'right', days: 4 }],
    ['Sebaceous cyst excised from L chest last week', { procedure: 'other', approach: null, region: 'chest', side: 'left', days: 7 }],
    ['Mole on L forearm was cut out 3 days ago, stitches in', { procedure: 'other', approach: null, region: 'forearm', side: 'left', days: 3 }],
    ['Lipoma removed from R upper back 6 days ago', { procedure: 'other', approach: null, region: 'upper_back', side: 'right', days: 6 }],
    // A month without its day is its last day; a mastectomy (lymph nodes) counts whatever its age.
    [
      'She had a L mastectomy + axillary node clearance for breast ca in March',
      { procedure: 'mastectomy', approach: null, region: 'chest', side: 'left', days: 234 },
    ],
    ['R mastectomy 14 Feb 2023', { procedure: 'mastectomy', approach: null, region: 'chest', side: 'right', days: 1375 }],
    // A year alone is its last day; a mastectomy told without any date still leaves the arm at risk.
    ['R mastectomy and axillary clearance in 2019', { procedure: 'mastectomy', approach: null, region: 'chest', side: 'right', days: 2516 }],
    ['Left mastectomy (2021), node clearance', { procedure: 'mastectomy', approach: null, region: 'chest', side: 'left', days: 1785 }],
    ['Right mastectomy with axillary clearance, finished chemo', { procedure: 'mastectomy', approach: null, region: 'chest', side: 'right', days: 366 }],
    // Dates in figures, day first as UK notes write them; month first when day first is no date gone by.
    ['L TKR op on 12/10/26, stiff', { procedure: 'total_knee_arthroplasty', approach: null, region: 'knee', side: 'left', days: 39 }],
    ['R THR 3.11.2026', { procedure: 'total_hip_arthroplasty', approach: null, region: 'hip', side: 'right', days: 17 }],
    ['L TKR on 10/25/2026', { procedure: 'total_knee_arthroplasty', approach: null, region: 'knee', side: 'left', days: 26 }],
    // A weekday: the latest such day before today (20 November 2026 was a Friday).
    ['Had gallbladder out last Thurs, keyhole', { procedure: 'other', approach: null, region: 'abdomen', side: null, days: 1 }],
    ['Hernia repair last Friday', { procedure: 'hernia_repair', approach: null, region: 'abdomen', side: null, days: 7 }],
    ['R TKR on Monday', { procedure: 'total_knee_arthroplasty', approach: null, region: 'knee', side: 'right', days: 4 }],
    // Lymph nodes taken out at the groin or the armpit: the limb of that quadrant is at risk for life.
    ['R inguinal lymph node dissection 2022', { procedure: 'lymph_node_dissection', approach: null, region: 'hip', side: 'right', days: 1420 }],
    ['Right groin lymph node dissection for melanoma', { procedure: 'lymph_node_dissection', approach: null, region: 'hip', side: 'right', days: 366 }],
    // A semicolon joins an operation and its date in notes.
    ['L shoulder arthroscopic decompression; day 8 post-op today', { procedure: 'other', approach: null, region: 'shoulder', side: 'left', days: 8 }],
  ])('%s', (text, expected) => expect(read(text)).toEqual([expected]));

  it.each([
    'Mum had her hip replaced 3 weeks ago, I am caring for her.',
    'Husband had his knee replaced 3 weeks ago.',
    'Waiting for a knee replacement next month.',
    'No surgery. Back pain 3 weeks.',
    'Knee replacement 8 years ago, fine.',
    'Knee replacement planned; pain for 3 weeks.',
    '3 weeks post op',
    'Knee scope planned for next month.',
    'Mum had her gallbladder out 2 weeks ago.',
    'May need her gallbladder out next month.',
    'Cholecystectomy in Jan 2025.',
    'Hysterectomy years ago.',
    'Lump in L breast, to be removed next week.',
    'Lump on her back to be removed next week.',
    'Had a mole on my back looked at, not removed.',
    'Knee replacement planned in May.',
    'Hip replacement booked for 3 March.',
    'Hysterectomy 2015, fully recovered.',
    'R TKR (2018), does well.',
    'Knee replacement 12 March 2019.',
    'Knee replaced on 03/2019.',
  ])('not an operation of the patient in the last year: %s', (text) => expect(read(text)).toEqual([]));

  it.each([
    ['Had a benign lump removed from L breast under local anaesthetic 5 days ago', true],
    ['Mole cut out of R shoulder 4 days ago', true],
    ['Carpal tunnel release under local 2 weeks ago', true],
    ['Had her gallbladder out 10 days ago (keyhole)', undefined],
    ['L TKR 12/7 ago', undefined],
  ])('a lump cut out or an operation under local anaesthetic is minor (no clot risk of major surgery): %s', (text, minor) =>
    expect(readSurgeries(text, TODAY)[0]?.minor).toBe(minor),
  );

  it('an operation told without a date is history unless its risk is lifelong', () => {
    expect(read('Knee replacement, doing well.')).toEqual([]);
    expect(readSurgeries('Right mastectomy with axillary clearance, finished chemo', TODAY)[0]?.undated).toBe(true);
    expect(readSurgeries('R mastectomy and axillary clearance in 2019', TODAY)[0]?.undated).toBeUndefined();
  });
});

describe('review round 24: operations as letters and ward notes write them', () => {
  it.each([
    ['Post-op day 10 L TKR', { procedure: 'total_knee_arthroplasty', region: 'knee', side: 'left', days: 10 }],
    ['post operative day 3 after L THR', { procedure: 'total_hip_arthroplasty', region: 'hip', side: 'left', days: 3 }],
    ['Day 24 post R axillary node clearance (breast cancer)', { region: 'chest', side: 'right', days: 24 }],
    ['Microdiscectomy L4/5 on 2 November', { procedure: 'other', region: 'lower_back' }],
    ['lumbar decompression 3 weeks ago', { procedure: 'other', region: 'lower_back', days: 21 }],
    ['cervical discectomy 2 weeks ago', { procedure: 'other', region: 'neck', days: 14 }],
    ['C5/6 laminoplasty 10 days ago', { procedure: 'other', region: 'neck', days: 10 }],
  ])('%s', (text, expected) => expect(read(text)).toEqual([expect.objectContaining(expected)]));
});

describe('review round 32: a fracture fixed', () => {
  it.each([
    ['ORIF left ankle 3 weeks ago', { procedure: 'other', region: 'ankle_foot', side: 'left', days: 21 }],
    ['K-wires in the right wrist 2 weeks ago', { procedure: 'other', region: 'wrist_hand', side: 'right', days: 14 }],
    ['Closed reduction and percutaneous K-wire fixation (2 x 1.6 mm wires via the radial styloid), 30/10/2026.', { region: 'wrist_hand', days: 21 }],
    ['Tibial shaft fracture, intramedullary nail 5 weeks ago', { region: 'calf', days: 35 }],
  ])('%s', (text, expected) => expect(read(text)).toEqual([expect.objectContaining(expected)]));
});

describe('review rounds 38 and 42: a season, a holiday, a year or a day after it dates an operation', () => {
  it.each([
    ['Had my right ACL reconstructed last spring, cleared to play by the surgeon in September.', { procedure: 'acl_reconstruction', side: 'right', days: 173 }],
    ['Knee replaced this summer', { procedure: 'total_knee_arthroplasty', days: 81 }],
    ['TKR in the summer of 2026', { procedure: 'total_knee_arthroplasty', days: 81 }],
    ['Left hip replacement last autumn', { procedure: 'total_hip_arthroplasty', days: 355 }],
    ['Hip replaced in the autumn', { procedure: 'total_hip_arthroplasty', days: 0 }],
    ['ACL reconstruction last year', { procedure: 'acl_reconstruction', days: 324 }],
    ['Day 12 after L TKR. Knee swollen and warm.', { procedure: 'total_knee_arthroplasty', side: 'left', days: 12 }],
    ['Knee replaced at Easter', { procedure: 'total_knee_arthroplasty', days: 204 }],
    ['TKR over Christmas', { procedure: 'total_knee_arthroplasty', days: 330 }],
  ])('%s', (text, expected) => expect(read(text)).toEqual([expect.objectContaining(expected)]));
});

describe('review round 46: a time in another clause before the operation does not date it', () => {
  it.each([
    ["Op note (faxed today): R THA via posterolateral approach 20/10/2026, 'standard posterior precautions 6/52'.", { approach: 'posterior', days: 31 }],
    ['Seen today: R TKR 3 weeks ago', { procedure: 'total_knee_arthroplasty', days: 21 }],
  ])('%s', (text, expected) => expect(read(text)).toEqual([expect.objectContaining(expected)]));
});

describe('own probes after round 47: "before" as some date an operation', () => {
  it.each([
    ['operation on knee before 2 weeks', { region: 'knee', days: 14 }],
    ['had knee replacement 2 weeks before', { procedure: 'total_knee_arthroplasty', days: 14 }],
  ])('%s', (text, expected) => expect(read(text)).toEqual([expect.objectContaining(expected)]));
  it('not a time relative to another event', () => expect(read('knee replacement 2 weeks before the wedding')).toEqual([]));
});
