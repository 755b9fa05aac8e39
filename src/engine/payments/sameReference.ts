/**
 * A payment reference as people and banks write the same check differently: "check 901",
 * "Check #0901", "CK 901" and "901" are one check. Lower case, the words check / chk / ck / no /
 * number and the signs # and : dropped, spaces closed up, and a number's leading zeros dropped.
 */
export function referenceKey(reference: string): string {
  const words = reference
    .toLowerCase()
    .replace(/[#:]/g, " ")
    .split(/\s+/)
    .filter((w) => w !== "" && !["check", "chk", "ck", "no", "no.", "number"].includes(w))
    .join(" ");
  return /^\d+$/.test(words) ? words.replace(/^0+(?=\d)/, "") : words;
}

/** Whether two references name the same check or confirmation. */
export const sameReference = (a: string, b: string): boolean => referenceKey(a) === referenceKey(b);
