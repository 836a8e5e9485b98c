import { z } from 'zod';

const looseBoolean = z.union([z.boolean(), z.string()]).transform((v) => (typeof v === 'boolean' ? v : v.trim().toLowerCase() === 'true'));
const codeLike = z.union([z.number(), z.string()]).transform((v) => String(v).trim());

/**
 * The Dynamic QR answer. The vendor page documents two shapes: the example
 * (`UPIIntend`, `Status`, `PaymentAmount`, `CreatedDateTime`…) and the field list
 * (`status`, `subCode`, `qrCode`, `virtualVPA`). Either is accepted.
 */
export const dynamicQrResponseSchema = z
  .object({
    id: z.string().optional(),
    txnRefranceID: z.string().optional(),
    entity: z.string().optional(),
    CreatedDateTime: z.string().optional(),
    ExpireDateTime: z.string().optional(),
    UPIIntend: z.string().optional(),
    qrCode: z.string().optional(),
    virtualVPA: z.string().optional(),
    PaymentAmount: z.union([z.number(), z.string()]).optional(),
    status: z.union([z.string(), z.boolean()]).optional(),
    Status: z.union([z.string(), z.boolean()]).optional(),
    subCode: codeLike.optional(),
    message: z.string().optional(),
  })
  .passthrough();
export type DynamicQrResponse = z.infer<typeof dynamicQrResponseSchema>;

/** Refund-family answer: `response_code` on success, `responsecode` on some errors. */
export const ackResponseSchema = z
  .object({
    status: looseBoolean,
    response_code: codeLike.optional(),
    responsecode: codeLike.optional(),
    message: z.string().optional(),
  })
  .passthrough();
export type AckResponse = z.infer<typeof ackResponseSchema>;

/** What a 4xx from the QR call looks like: `{"status":"ERROR","subCode":"400","message":…}`. */
export const qrErrorSchema = z.object({
  status: z.union([z.string(), z.boolean()]).optional(),
  subCode: codeLike.optional(),
  message: z.string().min(1),
}).passthrough();
