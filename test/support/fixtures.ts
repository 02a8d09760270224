/** A low-back assessment like SPEC §3's example, for a given patient; override what a test is about. */
export function lowBackAssessment(patientId: string, overrides: Record<string, unknown> = {}) {
  return {
    patientId,
    practitioner: 'dr-lee',
    complaint: 'Dull ache low back for 4 months, worse sitting, sometimes shoots down the left leg',
    painLocations: [{ region: 'lower_back', side: 'left', intensity: 7, quality: ['aching', 'radiating'] }],
    goals: [
      { type: 'pain_relief', priority: 1 },
      { type: 'range_of_motion', priority: 2, detail: 'bend to tie shoes' },
    ],
    durationWeeks: 16,
    mechanism: 'postural',
    screening: { conditions: [], redFlags: [], surgeryDate: null, age: 45 },
    measures: {
      painNrs: 7,
      rom: [{ joint: 'lumbar', movement: 'flexion', degrees: 40 }],
      function: { instrument: 'odi', score: 38 },
    },
    preferences: { sessionMinutes: 60, sessionsPerWeek: 1, pressure: 'moderate' },
    ...overrides,
  };
}
