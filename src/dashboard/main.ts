/** The dashboard app's entry (`/dashboard/`): `index.html` holds one `<verity-dashboard>`. */
import './define.js';
