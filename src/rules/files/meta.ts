import { z } from 'zod';

export const MetaRules = z.object({}).strict();
