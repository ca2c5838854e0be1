import { z } from 'zod';

export const QuantityRules = z.object({}).strict();
