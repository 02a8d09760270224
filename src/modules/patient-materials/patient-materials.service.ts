import type { Database } from '../../db/database';
import { inClinic } from '../../db/tenant';
import { notFound } from '../../errors';
import { contentEtag } from '../../lib/content-etag';
import { computeProgress, measuredValue, MEASURES } from '../../planning';
import { clinicsRepository } from '../clinics/clinics.repository';
import { patientsRepository } from '../patients/patients.repository';
import { plansRepository } from '../plans/plans.repository';
import type { RequestContext } from '../../http/context';
import { sessionsRepository } from '../sessions/sessions.repository';
import { toProgressSession } from '../sessions/sessions.service';
import { handoutHtml, type PaperSize } from './handout.page';
import { dateOf, measureTitle, measureUnit } from './plain-words';
import { progressChartSvg, type ChartGoal } from './progress-chart';

export type PatientMaterialsService = ReturnType<typeof createPatientMaterialsService>;

/** A rendered document and the strong ETag of its bytes. */
export interface Rendered {
  body: string;
  etag: string;
}

const rendered = (body: string): Rendered => ({ body, etag: contentEtag(body) });

/** What a plan looks like outside the API: its progress chart and the patient's handout. */
export function createPatientMaterialsService({ database }: { database: Database }) {
  const { db } = database;
  return {
    /** The plan's progress as an SVG chart: one panel per goal (SPEC §10). */
    async progressChart(ctx: RequestContext, planId: string): Promise<Rendered> {
      const { plan, sessions } = await inClinic(db, ctx.clinicId, async (tx) => {
        const plan = await plansRepository.findById(tx, ctx.clinicId, planId);
        if (!plan) throw notFound('Plan');
        return { plan, sessions: (await sessionsRepository.allOfPlan(tx, ctx.clinicId, planId)).map(toProgressSession) };
      });
      const content = plan.content;
      const progress = computeProgress({ id: plan.id, content }, sessions);
      const goals = content.goals.map((goal, i): ChartGoal => {
        const measured = progress.goals[i]!;
        return {
          title: measureTitle(goal),
          unit: measureUnit(goal.measure),
          lowerIsBetter: goal.direction === 'lower_is_better',
          baseline: measured.baseline,
          target: measured.target,
          mcid: goal.mcid,
          scale: { min: MEASURES[goal.measure].min, max: MEASURES[goal.measure].max },
          points: sessions.flatMap((s) => {
            const value = measuredValue(goal, s.measures);
            return value === null ? [] : [{ date: dateOf(s.performedAt), value }];
          }),
        };
      });
      return rendered(
        progressChartSvg({
          title: `Progress toward each goal of the treatment plan (${progress.sessionsCompleted} ${progress.sessionsCompleted === 1 ? 'session' : 'sessions'})`,
          goals,
        }),
      );
    },

    /** The patient's printable handout of the plan (SPEC §10). */
    async handout(ctx: RequestContext, planId: string, paper: PaperSize = 'a4'): Promise<Rendered> {
      const found = await inClinic(db, ctx.clinicId, async (tx) => {
        const plan = await plansRepository.findById(tx, ctx.clinicId, planId);
        if (!plan) return undefined;
        const patient = await patientsRepository.findById(tx, ctx.clinicId, plan.patientId);
        return { plan, patient, clinic: await clinicsRepository.findById(tx, ctx.clinicId) };
      });
      if (!found) throw notFound('Plan');
      const { plan, patient, clinic } = found;
      return rendered(
        handoutHtml({
          clinicName: clinic?.name ?? 'Your clinic',
          patientName: [patient?.firstName, patient?.lastName].filter(Boolean).join(' ') || null,
          issuedOn: dateOf(plan.updatedAt.toISOString()),
          content: plan.content,
          paper,
        }),
      );
    },
  };
}
