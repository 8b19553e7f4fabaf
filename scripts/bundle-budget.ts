/** `npm run budget`: prints first-load JS per route from .next and exits 1 over budget. */
import { FIRST_LOAD_BUDGET_BYTES, formatTable, measureFirstLoad } from "../lib/budget/first-load";

const rows = measureFirstLoad();
console.log(formatTable(rows));
const over = rows.filter((r) => r.gzipBytes > FIRST_LOAD_BUDGET_BYTES);
if (over.length) {
  console.error(`over budget: ${over.map((r) => r.route).join(", ")}`);
  process.exit(1);
}
