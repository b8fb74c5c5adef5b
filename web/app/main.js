// Entry point: draws the panel into #app. Loaded by web/index.html as an ES module; Preact and htm
// come from node_modules through the import map (no build step).
import { html, render } from './lib/html.js';
import { interceptLinks } from './lib/router.js';
import { App } from './app.js';

interceptLinks();
render(html`<${App} />`, document.getElementById('app'));
