/** The owner PIN's shape: 4 to 8 digits. Main's schema and the renderer's forms check the same thing. */
export const PIN_PATTERN = /^\d{4,8}$/;
