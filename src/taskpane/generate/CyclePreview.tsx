import { Table, TableBody, TableCell, TableRow } from "@fluentui/react-components";

/** What the cycle will bill: counts and totals, as the engine's worker worked them out (worker/cycleJob.ts). */
export function CyclePreview({ rows }: { rows: readonly (readonly [string, string])[] }) {
  return (
    <Table aria-label="Cycle preview" size="extra-small">
      <TableBody>
        {rows.map(([label, value]) => (
          <TableRow key={label}>
            <TableCell>{label}</TableCell>
            <TableCell>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
