import { changeCases } from './cases-changes.js';
import { faultCases } from './cases-faults.js';
import { fidelityCases } from './cases-fidelity.js';
import { transferCases } from './cases-transfer.js';

export type { ConformanceCase, ConformanceContext } from './conformance-context.js';

/** The whole conformance list, in the order the suite runs it. */
export const conformanceCases = [...transferCases, ...changeCases, ...fidelityCases, ...faultCases];
