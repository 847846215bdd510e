import Ajv2020 from 'ajv/dist/2020';
import { openApiDocument } from './openapi-document';

/** What a validator says about one answer. */
export interface AnswerCheck {
  readonly valid: boolean;
  readonly errors: string;
}

/**
 * Validates real HTTP answers against the served OpenAPI document: the schema of the
 * operation's response for the status and media type. For tests and smoke checks.
 */
export function answerValidator(document: ReturnType<typeof openApiDocument> = openApiDocument()) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat(
    'date-time',
    (text: string) => !Number.isNaN(Date.parse(text)) && /T.*Z$/.test(text),
  );
  ajv.addSchema({ $id: 'openapi', components: document.components });
  const paths = document.paths as Record<
    string,
    Record<
      string,
      { responses?: Record<string, { content?: Record<string, { schema: unknown }> }> }
    >
  >;
  return (
    path: string,
    method: string,
    status: number,
    body: unknown,
    mediaType = 'application/json',
  ): AnswerCheck => {
    const response = paths[path]?.[method.toLowerCase()]?.responses?.[String(status)];
    if (response === undefined)
      return { valid: false, errors: `${method} ${path} documents no ${status} answer` };
    const schema = response.content?.[mediaType]?.schema;
    if (schema === undefined)
      return { valid: false, errors: `${method} ${path} ${status} documents no ${mediaType}` };
    const rebased = JSON.parse(
      JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'),
    ) as object;
    const validate = ajv.compile(rebased);
    const valid = validate(body);
    return { valid, errors: valid ? '' : ajv.errorsText(validate.errors) };
  };
}
