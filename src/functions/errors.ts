import { NOT_AVAILABLE_CODES, ProblemCode } from "../engine";

/**
 * The error a custom function throws. Inside Excel it is a `CustomFunctions.Error`, so the cell
 * shows #VALUE! or #N/A with the message; outside Excel (tests, the try-it page) a plain Error
 * with the same code and message.
 */
export class FunctionError extends Error {
  constructor(
    readonly errorCode: "#VALUE!" | "#N/A",
    message: string,
  ) {
    super(message);
    this.name = "FunctionError";
  }
}

/** One table from engine problem codes to Excel errors: things not found are #N/A, the rest #VALUE!. */
export function excelErrorFor(code: ProblemCode): "#VALUE!" | "#N/A" {
  return NOT_AVAILABLE_CODES.has(code) ? "#N/A" : "#VALUE!";
}

export function toHostError(error: FunctionError): unknown {
  if (typeof CustomFunctions !== "undefined" && CustomFunctions.Error) {
    const code = error.errorCode === "#N/A" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.message);
  }
  return error;
}
