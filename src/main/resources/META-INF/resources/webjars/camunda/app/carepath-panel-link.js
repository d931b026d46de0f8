// CarePath: a "Panels" link in the web apps' header for the roles that have the panel pages (CarePath answers
// /panel/access with 204 for them: panel administrators, managers, administrators).
import { headerLink } from './carepath-header-link.js';

headerLink({
  label: 'Panels',
  className: 'carepath-panels',
  page: new URL('../../panel', import.meta.url).href,
  access: new URL('../../panel/access', import.meta.url).href
});
