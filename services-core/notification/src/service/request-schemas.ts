// Shapes every request must have before a use case sees it; zod paths are the ts-proto (camelCase) names.
import { z } from 'zod';
import { EXAMPLE_NAME_MAX_LENGTH } from '../biz/example.js';

export const createExampleRequest = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(EXAMPLE_NAME_MAX_LENGTH, `must be at most ${EXAMPLE_NAME_MAX_LENGTH} characters`),
});
