import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConditionalGetHeaders,
  IdParams,
  IdempotencyHeaders,
  IfMatchHeaders,
  pageOf,
  notModifiedResponse,
  problemResponses,
} from '../../contracts/http.contract';
import {
  CreatePatientBodySchema,
  ExternalIdParams,
  ListPatientsQuerySchema,
  PatchPatientBodySchema,
  PatientSchema,
  PutPatientBodySchema,
} from '../../contracts/patient.contract';
import { contextOf, sendOutcome, sendVersioned } from '../../http/context';
import type { PatientsService } from './patients.service';

const tags = ['patients'];

export const patientsRoutes: FastifyPluginAsyncZod<{ patients: PatientsService }> = async (app, { patients }) => {
  app.post(
    '/v1/patients',
    {
      config: { scope: 'write' },
      schema: {
        operationId: 'createPatient',
        tags,
        summary: 'Create a patient',
        headers: IdempotencyHeaders,
        body: CreatePatientBodySchema,
        response: { 201: PatientSchema, ...problemResponses(400, 401, 403, 409, 413, 422) },
      },
    },
    async (request, reply) => sendOutcome(reply, await patients.create(contextOf(request), request.body), (patient) => `/v1/patients/${patient.id}`),
  );

  app.put(
    '/v1/patients/by-external-id/:externalId',
    {
      config: { scope: 'write' },
      schema: {
        operationId: 'upsertPatientByExternalId',
        tags,
        summary: "Create or replace the patient with this clinic's own id (sync); 201 created, 200 updated",
        params: ExternalIdParams,
        headers: IfMatchHeaders,
        body: PutPatientBodySchema,
        response: { 200: PatientSchema, 201: PatientSchema, ...problemResponses(400, 401, 403, 404, 409, 412, 413) },
      },
    },
    async (request, reply) => {
      const { created, patient } = await patients.upsertByExternalId(contextOf(request), request.params.externalId, request.headers['if-match'], request.body);
      return sendVersioned(reply, created ? 201 : 200, patient, `/v1/patients/${patient.id}`);
    },
  );

  app.get(
    '/v1/patients',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'listPatients',
        tags,
        summary: 'List patients, oldest change first; filter by externalId',
        querystring: ListPatientsQuerySchema,
        response: { 200: pageOf(PatientSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => patients.list(contextOf(request), request.query),
  );

  app.get(
    '/v1/patients/:id',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'getPatient',
        tags,
        summary: 'Read a patient',
        params: IdParams,
        headers: ConditionalGetHeaders,
        response: { 200: PatientSchema, ...notModifiedResponse, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => sendVersioned(reply, 200, await patients.get(contextOf(request), request.params.id)),
  );

  app.patch(
    '/v1/patients/:id',
    {
      config: { scope: 'write' },
      schema: {
        operationId: 'updatePatient',
        tags,
        summary: 'Change a patient (If-Match required); null clears a field',
        params: IdParams,
        headers: IfMatchHeaders,
        body: PatchPatientBodySchema,
        response: { 200: PatientSchema, ...problemResponses(400, 401, 403, 404, 409, 412, 413, 428) },
      },
    },
    async (request, reply) => sendVersioned(reply, 200, await patients.patch(contextOf(request), request.params.id, request.headers['if-match'], request.body)),
  );

  app.delete(
    '/v1/patients/:id',
    {
      config: { scope: 'write' },
      schema: {
        operationId: 'deletePatient',
        tags,
        summary: 'Soft-delete a patient and their records (If-Match required); sync clients see tombstones',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: z.undefined().meta({ description: 'Deleted' }), ...problemResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      await patients.remove(contextOf(request), request.params.id, request.headers['if-match']);
      return reply.code(204).send();
    },
  );
};
