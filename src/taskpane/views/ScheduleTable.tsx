import { Badge, Table, TableBody, TableCell, TableCellLayout, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { RateSchedule } from "../../engine";

export interface ScheduleRowInfo {
  readonly schedule: RateSchedule;
  readonly origin: string;
}

function effectiveText(s: RateSchedule): string {
  const dated = s.versions.map((v) => v.effective).filter((d): d is string => d !== null);
  return dated.length ? `from ${dated[dated.length - 1]}` : "undated";
}

/** The loaded schedules; choosing a row (click, Enter or Space) shows its charges. */
export function ScheduleTable({
  rows,
  selected,
  onSelect,
}: {
  rows: ScheduleRowInfo[];
  selected?: string;
  onSelect: (id: string) => void;
}) {
  return (
    <Table aria-label="Rate schedules" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Schedule</TableHeaderCell>
          <TableHeaderCell>In force</TableHeaderCell>
          <TableHeaderCell>From</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(({ schedule, origin }) => (
          <TableRow
            key={schedule.id}
            tabIndex={0}
            aria-selected={selected === schedule.id}
            onClick={() => onSelect(schedule.id)}
            onKeyDown={(e) => {
              if (e.key === "Enter" || e.key === " ") {
                e.preventDefault();
                onSelect(schedule.id);
              }
            }}
          >
            <TableCell>
              <TableCellLayout description={schedule.name}>{schedule.id}</TableCellLayout>
            </TableCell>
            <TableCell>{effectiveText(schedule)}</TableCell>
            <TableCell>
              <Badge appearance="tint" color={origin === "sheet" ? "brand" : "informative"}>
                {origin}
              </Badge>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
