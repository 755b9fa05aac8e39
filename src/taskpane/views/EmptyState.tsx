import { Body1, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** What a view will show, said plainly, in place of data it does not have yet. */
export function EmptyState({ title, lead, items, note }: { title: string; lead: string; items: string[]; note: string }) {
  const styles = useStyles();
  return (
    <section className={styles.box} aria-label={title}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      <Body1>{lead}</Body1>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item}>
            <Body1>{item}</Body1>
          </li>
        ))}
      </ul>
      <Caption1>{note}</Caption1>
    </section>
  );
}
