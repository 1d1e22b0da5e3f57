/**
 * An OpenAPI 3.1 description of the host's HTTP API, generated from the one contract: every
 * method is `POST /api/<name>` with its input schema as the body and its output inside the
 * envelope. zod writes JSON Schema 2020-12, which is OpenAPI 3.1's own dialect.
 */
import { z } from 'zod';
import { methods, methodNames, events } from '../../shared/api';
import type { Core } from '../core/core';

type JsonSchema = Record<string, unknown>;

/** A schema without its own `$schema` line (the document declares the dialect once). */
function schemaOf(type: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(type, { io, unrepresentable: 'any' }) as JsonSchema;
  return schema;
}

const apiError: JsonSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { enum: ['invalid_input', 'not_found', 'conflict', 'unauthorized', 'read_only', 'internal'] },
    message: { type: 'string', description: 'In English; `key` and `params` word it in another language.' },
    field: { type: 'string', description: 'The input field to fix, as a dotted path.' },
    key: { type: 'string' },
    params: { type: 'object' },
  },
};

const failure = { type: 'object', required: ['ok', 'error'], properties: { ok: { const: false }, error: { $ref: '#/components/schemas/ApiError' } } };

function operation(name: (typeof methodNames)[number]): JsonSchema {
  const spec = methods[name];
  return {
    operationId: name,
    summary: name,
    ...(spec.mutates ? { security: [{ controlToken: [] }] } : { security: [{}, { controlToken: [] }] }),
    requestBody: { required: false, content: { 'application/json': { schema: schemaOf(spec.input, 'input') } } },
    responses: {
      200: {
        description: 'Done: the value inside the envelope.',
        content: { 'application/json': { schema: { type: 'object', required: ['ok', 'value'], properties: { ok: { const: true }, value: schemaOf(spec.output, 'output') } } } },
      },
      ...Object.fromEntries(
        [
          ['400', 'Refused: the input, or the countdown\'s rules (error.field names what to fix).'],
          ['401', 'This method changes data or the countdown: send the control token.'],
          ['404', 'Not found.'],
          ['500', 'The host failed; nothing was changed.'],
        ].map(([status, description]) => [status, { description, content: { 'application/json': { schema: failure } } }]),
      ),
    },
  };
}

let cached: JsonSchema | null = null;

/** Built once, on the first request: the contract does not change while the host runs. */
export async function openApiDocument(core: Core): Promise<JsonSchema> {
  if (cached) return cached;
  const { version } = await core.api.getBootstrap(undefined, { canControl: false });
  cached = {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Cuelight host API',
      version,
      description:
        'Every call is POST /api/<method> with a JSON body; answers are envelopes ({ok: true, value} or {ok: false, error}). ' +
        'Methods that change data or the countdown need the control token as a Bearer token. Events (countdown snapshots, data ' +
        'changes, trigger results) arrive over the WebSocket at /ws as {type: "event", name, payload}; their payloads are in components.schemas.',
    },
    paths: Object.fromEntries(methodNames.map((name) => [`/api/${name}`, { post: operation(name) }])),
    components: {
      securitySchemes: { controlToken: { type: 'http', scheme: 'bearer', description: 'The control token the host printed at start.' } },
      schemas: {
        ApiError: apiError,
        ...Object.fromEntries(Object.entries(events).map(([name, schema]) => [`Event_${name}`, schemaOf(schema, 'output')])),
      },
    },
  };
  return cached;
}
