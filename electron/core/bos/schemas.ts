import { z } from 'zod';

/**
 * BOS runs on ASP.NET, which writes `null` for a field it has no value for. Null is
 * read as absent: a field is an error only when it is needed and missing.
 */
const absentIfNull = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);

/** Text that may come as a JSON number (ids, codes): kept as its text. */
const textLike = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
/** An id as BOS makes them ("qr_Oe8y06oN0Kj1cx"); a longer one is not BOS's and would bloat every record it enters. */
const idLike = textLike.pipe(z.string().max(128));
/** BOS's own words, shown to the cashier: kept, but never a screenful. */
const MAX_MESSAGE = 300;
const messageLike = textLike.transform((v) => (v.length > MAX_MESSAGE ? `${v.slice(0, MAX_MESSAGE)}…` : v));
/** A status as sent: a word, a JSON boolean or a number; read by the caller, never coerced here. */
const statusLike = z.union([z.string(), z.boolean(), z.number()]);

/**
 * The Dynamic QR answer. The vendor page documents two shapes: the example
 * (`UPIIntend`, `Status`, `PaymentAmount`, `CreatedDateTime`…) and the field list
 * (`status`, `subCode`, `qrCode`, `virtualVPA`). Either is accepted.
 */
export const dynamicQrResponseSchema = z
  .object({
    id: absentIfNull(idLike),
    txnRefranceID: absentIfNull(idLike),
    entity: absentIfNull(z.string()),
    CreatedDateTime: absentIfNull(z.string()),
    ExpireDateTime: absentIfNull(z.string()),
    UPIIntend: absentIfNull(z.string()),
    qrCode: absentIfNull(z.string()),
    virtualVPA: absentIfNull(z.string()),
    PaymentAmount: absentIfNull(z.union([z.number(), z.string()])),
    status: absentIfNull(statusLike),
    Status: absentIfNull(statusLike),
    subCode: absentIfNull(idLike),
    message: absentIfNull(messageLike),
  })
  .passthrough();

/** Refund-family answer: `response_code` on success, `responsecode` on some errors. */
export const ackResponseSchema = z
  .object({
    status: absentIfNull(statusLike),
    response_code: absentIfNull(idLike),
    responsecode: absentIfNull(idLike),
    message: absentIfNull(messageLike),
  })
  .passthrough();

/** What a 4xx from the QR call looks like: `{"status":"ERROR","subCode":"400","message":…}`. */
export const qrErrorSchema = z
  .object({
    status: absentIfNull(statusLike),
    subCode: absentIfNull(idLike),
    message: messageLike.pipe(z.string().min(1)),
  })
  .passthrough();
