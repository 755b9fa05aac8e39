/**
 * Excel keeps at most 1,026 manual horizontal page breaks on a sheet (MS-XLS 2.4.122
 * HorizontalPageBreaks and MS-XLSB BrtBeginRwBrk: at most 1026; ../shared/OFFICE_NOTES.md). The
 * fake Excel refuses the 1,027th; paged output sheets split long before it (cycle/sheets/split.ts).
 */
export const EXCEL_MAX_PAGE_BREAKS = 1_026;
