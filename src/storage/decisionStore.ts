import type { Decision } from "../review/decisions";
import { LABELS } from "../review/decisions";
import type { UbDatabase } from "./db";

/**
 * The review's decisions on this computer, each written with an audit entry in one transaction.
 * The workbook's Review Log sheet carries the same decisions, so either can rebuild the other.
 */
export class DecisionStore {
  constructor(private readonly db: UbDatabase) {}

  async save(decision: Decision): Promise<void> {
    await this.db.transaction("rw", this.db.decisions, this.db.audit, async () => {
      await this.db.decisions.put(decision);
      await this.db.audit.add({
        at: decision.at,
        action: `edit.${decision.kind}`,
        subject: `${decision.account} ${decision.meter} ${decision.code === "*" ? "read" : decision.code}`,
        detail: `${LABELS[decision.kind]}${decision.reason ? `: ${decision.reason}` : ""}${decision.estimate ? ` (estimate ${decision.estimate})` : ""}`,
      });
    });
  }

  async list(): Promise<Decision[]> {
    return this.db.decisions.orderBy("at").toArray();
  }
}
