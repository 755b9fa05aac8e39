import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { UsageBar } from "./accountDetail";
import { usageSummary } from "./accountDetail";

const useStyles = makeStyles({
  chart: { width: "100%", height: "96px", display: "block" },
  bar: { fill: tokens.colorBrandBackground },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, "& td, & th": { padding: "0 8px 0 0", textAlign: "left" } },
});

/** The last periods' usage as bars (an image with a text alternative) and, on request, as a table. */
export function UsageChart({ bars }: { bars: readonly UsageBar[] }) {
  const styles = useStyles();
  if (bars.length === 0) return <Caption1>No usage history on the Usage History sheet.</Caption1>;
  const width = 100 / bars.length;
  return (
    <>
      <svg className={styles.chart} viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-label={usageSummary(bars)}>
        {bars.map((b, i) => (
          <rect
            key={b.period}
            className={styles.bar}
            x={i * width + width * 0.15}
            width={width * 0.7}
            y={40 - Math.max(b.height * 40, 0.5)}
            height={Math.max(b.height * 40, 0.5)}
          />
        ))}
      </svg>
      <details>
        <summary>Usage as a table</summary>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Usage</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.period}>
                <td>{b.period}</td>
                <td>{b.usage}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
