import { branchCodeSchema, inventoryCodeSchema, optionCodeSchema } from '../../shared/domain/identifiers';
import { normalizeJapanesePhone, normalizePostalCode } from '../../shared/domain/orders';

/**
 * The cell rules of the Excel importer, under the names its templates use: each is the domain's own rule
 * (shared/domain), so a cell is judged exactly as the same value sent to the API would be.
 */
export { countCodePoints, normalizeWidth, unsafeTextProblem as plainTextProblem } from '../../shared/domain/text';
export { formatSku, parseSku, type SkuParts } from '../../shared/domain/identifiers';

/** A Q-inventory code (Q在庫コード / Q库存代码): 12 digits starting with 3, e.g. 300001289771. */
export const isInventoryCode = (text: string): boolean => inventoryCodeSchema.safeParse(text).success;

/** An option code: 5 digits, e.g. 00003. */
export const isOptionCode = (text: string): boolean => optionCodeSchema.safeParse(text).success;

/** A Qxpress branch code: 10 digits, leading zeros significant, e.g. 0000011520. */
export const isBranchCode = (text: string): boolean => branchCodeSchema.safeParse(text).success;

/** `1000005`, `100-0005` or `〒100-0005` → `100-0005`; anything else → null. */
export const normalizeJapanesePostalCode = normalizePostalCode;

/** A domestic number (0 + 9 or 10 digits) or the same with +81 for the 0, in any grouping of dashes, spaces, brackets. */
export const isJapanesePhone = (text: string): boolean => normalizeJapanesePhone(text) !== null;
