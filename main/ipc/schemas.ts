/**
 * A zod schema for the request of every invoke channel: types, lengths, enums, and no unknown fields
 * (`strict`), so a compromised or buggy renderer cannot smuggle anything through. The mapped type
 * makes a missing channel a compile error.
 */
import { z } from 'zod';
import { DATA_CENTRE_IDS, type DataCentreId } from '../engine/data-centres';
import { LIMITS, type InvokeChannel, type RequestOf } from './contract';

const accountId = z.string().min(1).max(LIMITS.accountId);
const endpoint = z.union([
  z.object({ dataCentre: z.enum(DATA_CENTRE_IDS as [DataCentreId, ...DataCentreId[]]) }).strict(),
  z.object({ accountsUrl: z.string().min(1).max(LIMITS.accountsUrl) }).strict(),
]);
const method = z.enum(['post', 'get']);
const password = z.string().min(1).max(LIMITS.password);

/** Request schemas by channel. */
export const REQUEST_SCHEMAS: { readonly [C in InvokeChannel]: z.ZodType<RequestOf<C>> } = {
  'ztt:state:get': z.null(),
  'ztt:app:info': z.null(),
  'ztt:account:add': z
    .object({
      label: z.string().max(LIMITS.label),
      loginId: z.string().min(1).max(LIMITS.loginId),
      endpoint,
      method,
      password,
      rememberPassword: z.boolean(),
      autoRenew: z.boolean(),
    })
    .strict(),
  'ztt:account:update': z
    .object({
      accountId,
      patch: z
        .object({
          label: z.string().max(LIMITS.label).optional(),
          loginId: z.string().min(1).max(LIMITS.loginId).optional(),
          endpoint: endpoint.optional(),
          method: method.optional(),
          password: password.optional(),
          rememberPassword: z.boolean().optional(),
          autoRenew: z.boolean().optional(),
        })
        .strict(),
    })
    .strict() as z.ZodType<RequestOf<'ztt:account:update'>>,
  'ztt:account:remove': z.object({ accountId }).strict(),
  'ztt:account:select': z.object({ accountId }).strict(),
  'ztt:ticket:renew': z.object({ accountId, password: password.optional() }).strict() as z.ZodType<RequestOf<'ztt:ticket:renew'>>,
  'ztt:ticket:copy': z.object({ accountId }).strict(),
  'ztt:preferences:update': z
    .object({
      reminderLeadMinutes: z.array(z.number().int().min(0).max(7 * 24 * 60)).max(6).optional(),
      clipboardAutoClearSeconds: z.number().int().min(0).max(600).optional(),
      launchAtLogin: z.boolean().optional(),
      globalShortcut: z.string().min(1).max(LIMITS.shortcut).nullable().optional(),
      allowWeakSecretStorage: z.boolean().optional(),
    })
    .strict() as z.ZodType<RequestOf<'ztt:preferences:update'>>,
  'ztt:popover:hide': z.null(),
  'ztt:help:open': z.object({ topic: z.enum(['app-specific-password', 'data-centres', 'api-ticket']) }).strict(),
  'ztt:network:changed': z.object({ online: z.boolean() }).strict(),
};
