// The renderer validates amounts by the core's own rules; this module pulls in nothing else.
export { formatPaise, parseAmount, DEFAULT_CAP_PAISE, type AmountError } from '../core/money';
