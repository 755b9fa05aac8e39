import { EmptyState } from "./EmptyState";

/** Cycle outputs. Until they are built, the view says what will appear; it never shows sample data. */
export function GenerateView() {
  return (
    <EmptyState
      title="Generate the cycle"
      lead="After reads are cleared, generate the cycle's sheets from the same engine as the UB functions:"
      items={[
        "Bills, one printable bill per account, with a line per block",
        "the Bill Register and Reconciliation, tied to the cent",
        "late notices, account letters, shutoff door hangers and work orders",
      ]}
      note="Cycle generation is not in this version yet. Each sheet will be replaced whole on rerun; your input sheets are never changed."
    />
  );
}
