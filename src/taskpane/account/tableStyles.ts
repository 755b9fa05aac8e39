import { makeStyles, tokens } from "@fluentui/react-components";

/** The Account view's small tables: numbers right, the first column left, narrow enough for 320 px. */
export const useTableStyles = makeStyles({
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": { padding: "2px 4px", textAlign: "right", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
    "& th:first-child, & td:first-child": { textAlign: "left" },
  },
  nowrap: { whiteSpace: "nowrap" },
  /** Named for screen readers, not shown: the action column's header. */
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  wrap: { overflowWrap: "anywhere" },
  left: { textAlign: "left" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});
