/** Paise back into what a cashier would type ("1250", "1250.5" as "1250.50"), to refill the Amount field. */
export function amountText(paise: number): string {
  const rupees = Math.floor(paise / 100);
  const rest = paise % 100;
  return rest === 0 ? String(rupees) : `${rupees}.${String(rest).padStart(2, '0')}`;
}
