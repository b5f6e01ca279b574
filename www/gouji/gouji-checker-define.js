// Registers <gouji-checker>. Safe to load twice (a second definition is skipped).
import { GoujiChecker } from './gouji-checker.js';

export { GoujiChecker };
export * from './gouji.js';

if (!customElements.get('gouji-checker')) customElements.define('gouji-checker', GoujiChecker);
