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
  ])('not an operation of the patient in the last year: %s', (text) => expect(read(text)).toEqual([]));
});
