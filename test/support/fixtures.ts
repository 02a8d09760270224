/** SPEC §3's example assessment, as printed there (its patient id is the caller's). */
export function specExampleAssessment(patientId: string) {
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
    screening: { conditions: ['anticoagulants'], redFlags: [], surgeryDate: null, age: 45 },
    measures: {
      painNrs: 7,
      rom: [{ joint: 'lumbar', movement: 'flexion', degrees: 40 }],
      stress: { instrument: 'pss10', score: 24 },
      function: { instrument: 'odi', score: 38 },
    },
    preferences: { sessionMinutes: 60, sessionsPerWeek: 1, pressure: 'moderate' },
  };
}

/**
 * The SPEC example without its precaution and stress score: a plain low-back case with pain,
 * range-of-motion and function baselines. Override what a test is about.
 */
export function lowBackAssessment(patientId: string, overrides: Record<string, unknown> = {}) {
  const example = specExampleAssessment(patientId);
  const { stress: _stress, ...measures } = example.measures;
  return { ...example, screening: { ...example.screening, conditions: [] }, measures, ...overrides };
}
