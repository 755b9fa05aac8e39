import chubbuck from "../../samples/rates/chubbuck.json";
import cibolo from "../../samples/rates/cibolo.json";
import clintonville from "../../samples/rates/clintonville-sewer.json";
import harlingen from "../../samples/rates/harlingen.json";
import pocatello from "../../samples/rates/pocatello-sanitation.json";
import sheffield from "../../samples/rates/sheffield.json";
import suez from "../../samples/rates/suez-idaho.json";

/** The published sample schedules (samples/rates), stored on first run so the functions work at once. */
export const BUNDLED_SCHEDULES: readonly unknown[] = [chubbuck, pocatello, clintonville, sheffield, cibolo, suez, harlingen];
