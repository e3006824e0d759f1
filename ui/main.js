// Loads the Yew app; kept in a file because the page's CSP forbids inline scripts.
import init from './helpdesk_ui.js';
init();
