import { ReactNode, useEffect, useRef } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
});

/**
 * What a task would do, shown before it is confirmed. It takes the focus when it appears, so a
 * screen reader reads it and a second Enter does not confirm unseen: the confirm button is a Tab away.
 */
export function PreviewBox({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  const box = useRef<HTMLElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <section ref={box} tabIndex={-1} aria-label={label} className={styles.box}>
      {children}
    </section>
  );
}
