import { z } from 'zod';

export const OrganizationRules = z.object({}).strict();
