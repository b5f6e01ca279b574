// Registers <gouji-form>. Safe to load twice (a second definition is skipped).
import { GoujiForm } from './gouji-form.js';

export { GoujiForm };

if (!customElements.get('gouji-form')) customElements.define('gouji-form', GoujiForm);
