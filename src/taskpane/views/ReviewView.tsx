import { EmptyState } from "./EmptyState";

/** The meter-read review. Until it is built, it says what it will show; it never shows sample data. */
export function ReviewView() {
  return (
    <EmptyState
      title="Read review"
      lead="Validate a sheet of meter reads before bills go out. This view will list:"
      items={[
        "counts of read edits by code and severity (high and low usage, zero usage, rollovers, estimates, meter exchanges, reads on inactive accounts)",
        "each flagged read, selectable in the sheet, to approve with a reason, estimate, or send for a re-read",
        "flags written in two columns of the add-in's own beside your reads, never over them",
      ]}
      note="Read review is not in this version yet. Rates and the UB functions work now."
    />
  );
}
