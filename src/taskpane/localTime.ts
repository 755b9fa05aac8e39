/** An audit time in this computer's time zone and language ("12/2/2026, 9:14 AM"). */
export function localTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString(undefined, { dateStyle: "short", timeStyle: "short" });
}
