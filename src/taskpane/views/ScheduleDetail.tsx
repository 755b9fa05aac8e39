import { Body1, Caption1, Link, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { RateSchedule } from "../../engine";
import { describeCharge } from "../describeCharge";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** A schedule's charges in words, version by version, with its source. */
export function ScheduleDetail({ schedule }: { schedule: RateSchedule }) {
  const styles = useStyles();
  return (
    <section className={styles.box} aria-label={`Charges of ${schedule.id}`}>
      <Subtitle2 as="h3">{schedule.name}</Subtitle2>
      <Caption1>
        {schedule.frequency}, {schedule.cycleDays}-day cycle, usage in {schedule.usageUnit}; classes: {schedule.classes.join(", ")}
      </Caption1>
      {schedule.versions.map((version, i) => (
        <div key={i}>
          <Body1>{version.effective ? `Effective ${version.effective}` : "Published rates (no effective date given)"}</Body1>
          <ul className={styles.list}>
            {version.charges.map((c) => (
              <li key={c.id}>
                <Caption1>{describeCharge(c)}</Caption1>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {schedule.source && (
        <Caption1>
          Source:{" "}
          {/^https?:\/\//.test(schedule.source) ? (
            <Link href={schedule.source} target="_blank">
              {schedule.source}
            </Link>
          ) : (
            schedule.source
          )}
        </Caption1>
      )}
      {schedule.notes && <Caption1>{schedule.notes}</Caption1>}
    </section>
  );
}
