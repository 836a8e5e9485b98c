import { language } from './index';

/**
 * Dates and times are en-IN in every language (day before month, Latin digits). English spells
 * the weekday and month out; Hindi uses the numeric form and a 24-hour clock, so no English month
 * name or am/pm sits in a Hindi screen.
 */
const DAY_LONG = new Intl.DateTimeFormat('en-IN', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY_NUMERIC = new Intl.DateTimeFormat('en-IN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const TIME_12 = new Intl.DateTimeFormat('en-IN', { hour: 'numeric', minute: '2-digit' });
const TIME_24 = new Intl.DateTimeFormat('en-IN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
/** A moment's local date (not a journal day): "23 Nov 2026", or "23/11/2026". */
const DATE_SHORT = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', year: 'numeric' });
const DATE_NUMERIC = new Intl.DateTimeFormat('en-IN', { day: '2-digit', month: '2-digit', year: 'numeric' });

/** A journal day (YYYY-MM-DD) as a title: "Monday, 23 November 2026", or "23/11/2026" in Hindi. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return (language() === 'en' ? DAY_LONG : DAY_NUMERIC).format(date);
}

/** A moment's local time of day: "2:05 pm", or "14:05" in Hindi. */
export function formatTime(at: string | number | Date): string {
  return (language() === 'en' ? TIME_12 : TIME_24).format(new Date(at));
}

/** A moment's local date and time, for slips: "23 Nov 2026, 2:31 pm", or "23/11/2026, 14:31" in Hindi. Seconds are dropped. */
export function formatDateTime(at: string | number | Date): string {
  return `${(language() === 'en' ? DATE_SHORT : DATE_NUMERIC).format(new Date(at))}, ${formatTime(at)}`;
}

const DAY_MONTH = new Intl.DateTimeFormat('en-IN', { day: '2-digit', month: '2-digit' });

/** A moment's local day and month, the same in every language: "01/12". */
export function formatDayMonth(at: string | number | Date): string {
  return DAY_MONTH.format(new Date(at));
}
