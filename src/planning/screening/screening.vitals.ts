// Vital signs judged by the team reference's thresholds: ACC/AHA 2017 hypertensive crisis (≥ 180 / ≥ 120)
// and stage-2 band (160–179 / 100–119), fever from 38.0 °C, resting heart rate outside 50–100.
import type { ScreeningInput } from '../engine.types';
import type { ConditionCode } from '../catalog/catalog.conditions';

export interface VitalFinding {
  code: ConditionCode;
  evidence: string;
}

export const VITAL_THRESHOLDS = {
  crisisSystolic: 180,
  crisisDiastolic: 120,
  elevatedSystolic: 160,
  elevatedDiastolic: 100,
  feverC: 38,
  heartRateHigh: 100,
  heartRateLow: 50,
} as const;

/** Blood pressure band of a reading (either number alone is enough). */
export function bloodPressureCode(systolic: number | undefined, diastolic: number | undefined): ConditionCode | null {
  const t = VITAL_THRESHOLDS;
  if ((systolic ?? 0) >= t.crisisSystolic || (diastolic ?? 0) >= t.crisisDiastolic) return 'uncontrolled_hypertension';
  if ((systolic ?? 0) >= t.elevatedSystolic || (diastolic ?? 0) >= t.elevatedDiastolic) return 'elevated_blood_pressure';
  return null;
}

/** The findings the recorded vital signs raise. */
export function judgeVitals(vitals: NonNullable<ScreeningInput['vitals']>): VitalFinding[] {
  const found: VitalFinding[] = [];
  const { systolic, diastolic, heartRate, temperatureC } = vitals;
  const bp = bloodPressureCode(systolic, diastolic);
  if (bp) {
    const reading = [systolic !== undefined ? `systolic ${systolic}` : null, diastolic !== undefined ? `diastolic ${diastolic}` : null]
      .filter(Boolean)
      .join(', ');
    found.push({ code: bp, evidence: `screening.vitals: ${reading} mmHg` });
  }
  if (temperatureC !== undefined && temperatureC >= VITAL_THRESHOLDS.feverC)
    found.push({ code: 'fever', evidence: `screening.vitals: temperature ${temperatureC} °C` });
  if (heartRate !== undefined && (heartRate > VITAL_THRESHOLDS.heartRateHigh || heartRate < VITAL_THRESHOLDS.heartRateLow)) {
    found.push({ code: 'abnormal_heart_rate', evidence: `screening.vitals: resting heart rate ${heartRate}/min` });
  }
  return found;
}
