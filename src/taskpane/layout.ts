import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * Layout shared by the views, for a task pane from 320 px (Excel's narrowest) to 450 px and more:
 * form fields in as many columns as fit, at least 9rem each, and controls that take their cell's
 * width instead of their own minimum (Fluent's Dropdown asks for 250 px, an input for 20 characters).
 */
export const useFormStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 9rem), 1fr))",
    gap: tokens.spacingHorizontalS,
    // A grid item is as wide as its content at least, unless told otherwise: a long option would widen its column past the pane.
    "& > *": { minWidth: 0, overflowWrap: "anywhere" },
  },
  control: { minWidth: 0, width: "100%", boxSizing: "border-box" },
});
