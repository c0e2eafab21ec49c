// google.api.http path templates (`/api/v1/users/{user_id}/roles/{role}`): the variables they bind and their
// Express (path-to-regexp 8) and OpenAPI spellings.

export interface PathVariable {
  /** Request field path, dotted for nested fields (`user.id`). */
  fieldPath: string;
  /** The Express parameter name standing for it. */
  param: string;
  /** `**` binds the rest of the path, slashes included. */
  multiSegment: boolean;
}

export interface PathTemplate {
  template: string;
  variables: PathVariable[];
  expressPath: string;
  openApiPath: string;
  /** Literal segments first when routes are registered, so `/users/me` wins over `/users/{id}`. */
  literalSegments: number;
}

const VARIABLE = /\{([A-Za-z_][\w.]*)(?:=([^}]*))?\}/g;

export function parsePathTemplate(template: string): PathTemplate {
  const [path, verb] = splitVerb(template);
  const variables: PathVariable[] = [];
  let expressPath = path.replace(VARIABLE, (_m, fieldPath: string, pattern?: string) => {
    // Express names must be identifiers: `user.id` -> `user__id` (labels then read `/users/:user__id`).
    const param = fieldPath.replace(/\./g, '__');
    const multiSegment = pattern?.includes('**') ?? false;
    if (pattern && !/^(\*\*?|[\w-]+(\/(\*\*?|[\w-]+))*)$/.test(pattern)) {
      throw new Error(`unsupported path template ${template}: variable pattern ${pattern}`);
    }
    variables.push({ fieldPath, param, multiSegment });
    return multiSegment ? `*${param}` : `:${param}`;
  });
  const openApiPath = path.replace(VARIABLE, (_m, fieldPath: string) => `{${fieldPath}}`);
  if (verb) expressPath += `\\:${verb}`;
  const literalSegments = path.split('/').filter((s) => s && !s.includes('{')).length;
  return { template, variables, expressPath, openApiPath: verb ? `${openApiPath}:${verb}` : openApiPath, literalSegments };
}

/** `/v1/things/{id}:cancel` -> path and custom verb; a colon inside a variable does not count. */
function splitVerb(template: string): [string, string | undefined] {
  const lastBrace = template.lastIndexOf('}');
  const colon = template.indexOf(':', lastBrace + 1);
  return colon === -1 ? [template, undefined] : [template.slice(0, colon), template.slice(colon + 1)];
}
