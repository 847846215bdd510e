/** The console's only stylesheet, served from `/console/console.css` (no CDN, no fonts). */
export const CONSOLE_CSS = `
:root{color-scheme:light dark;font:15px/1.45 system-ui,sans-serif}
body{margin:0;max-width:72rem;padding:0 1rem 2rem;margin-inline:auto}
header{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;border-bottom:1px solid #8884;padding:.5rem 0}
header nav a{margin-right:.8rem}header .who{margin-left:auto}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #8883;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
form.inline{display:inline}fieldset{border:1px solid #8885;margin:.5rem 0}
label{display:inline-block;margin:.2rem .6rem .2rem 0}input,select,button{font:inherit}
.notice{padding:.5rem;border-left:4px solid #36c;background:#36c2}.error{border-color:#c33;background:#c332}
ol.timeline{list-style:none;padding-left:0}ol.timeline>li{border-left:3px solid #8886;padding:.3rem .7rem;margin:.4rem 0}
.outcome-rejected,.outcome-parked{font-weight:bold}.muted{opacity:.7}
pre{white-space:pre-wrap;word-break:break-all;background:#8881;padding:.5rem}
svg text{font-size:10px;fill:currentColor}
`;
