// The one hand-written stylesheet: system fonts with a CJK fallback, dense tables, print rules.
export const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--head:#f6f8fa;--accent:#0b5cad;
--green:#1a7f37;--amber:#9a6700;--red:#cf222e;--grey:#6e7781;}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
.topbar{display:flex;gap:12px;align-items:center;padding:8px 16px;background:#0b3d6e;color:#fff;flex-wrap:wrap}
.topbar a,.topbar .link{color:#fff}
.topbar form{margin:0}
.topbar .link{font-size:inherit;line-height:inherit}
.topbar .org{font-weight:600;text-decoration:none}
.topbar .app-title{opacity:.85}
.spacer{flex:1}
.mainnav{display:flex;gap:4px;padding:0 16px;border-bottom:1px solid var(--line);background:var(--head);overflow-x:auto}
.mainnav a{padding:8px 10px;text-decoration:none;color:var(--fg);white-space:nowrap}
.mainnav a[aria-current=page]{border-bottom:3px solid var(--accent);font-weight:600}
main{padding:16px;max-width:1400px;margin:0 auto}
h1{font-size:20px;margin:4px 0 12px}
h2{font-size:16px;margin:20px 0 8px}
.inline{display:inline}
button.link{background:none;border:0;padding:0;font:inherit;cursor:pointer;text-decoration:underline}
.table-wrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top;white-space:nowrap}
thead th{position:sticky;top:0;background:var(--head);z-index:1}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.empty{padding:24px;color:var(--muted);text-align:center}
.badge{display:inline-block;padding:0 6px;border-radius:10px;border:1px solid currentColor;font-size:12px;white-space:nowrap}
.s-completed,.s-started,.s-supplied,.ok{color:var(--green)}
.s-planned,.s-approved,.s-acquired,.s-reserved{color:var(--accent)}
.s-withdrawn{color:var(--grey)}
.warn{color:var(--amber)}.bad{color:var(--red)}
.chain{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:8px;margin:12px 0;padding:0;list-style:none}
.chain a{display:block;border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:6px;padding:8px;text-decoration:none;color:var(--fg)}
.chain a.s-supplied,.chain a.s-started,.chain a.s-completed{border-left-color:var(--green)}
.chain a.s-withdrawn{border-left-color:var(--grey)}
.chain .step{font-size:12px;color:var(--muted)}
.chain .count{font-size:20px;font-weight:600;font-variant-numeric:tabular-nums}
.chain .area{font-size:12px;font-variant-numeric:tabular-nums}
form.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin-bottom:12px}
label{display:block;font-size:12px;color:var(--muted)}
input,select,textarea{font:inherit;padding:4px 6px;border:1px solid #8c959f;border-radius:4px;min-width:8em;max-width:100%}
button,.button{font:inherit;padding:5px 12px;border-radius:4px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
.form-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:10px 16px;margin:8px 0 12px}
.field-error{color:var(--red);font-size:12px;margin-top:2px}
.page-head{display:flex;flex-wrap:wrap;gap:12px;align-items:center;justify-content:space-between}
.hint{font-size:12px}
.picker-find{display:flex;flex-wrap:wrap;gap:4px 6px;align-items:center;margin-top:4px}
.picker-find label{flex-basis:100%}
.picker-find input{flex:1}
.field{margin-bottom:8px}
input[type=checkbox]{min-width:0}
textarea{width:100%;max-width:40em}
fieldset{border:1px solid var(--line);border-radius:4px;margin:8px 0 12px;padding:8px 12px}
caption{text-align:left;caption-side:top;padding:4px 0}
[aria-invalid=true]{border-color:var(--red)}
.notice{border:1px solid var(--line);border-left:4px solid var(--accent);padding:8px 12px;margin:8px 0;background:var(--head)}
.notice.error{border-left-color:var(--red)}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dl.fields dt{color:var(--muted)}
dl.fields dd{margin:0}
ol.timeline{list-style:none;padding:0;margin:0}
ol.timeline li{border-left:2px solid var(--line);padding:4px 0 8px 12px}
.muted{color:var(--muted)}
.pager{display:flex;gap:12px;margin:12px 0}
.tabs{display:flex;gap:16px;margin:0 0 12px;border-bottom:1px solid var(--line)}
.tabs a{padding:6px 2px;text-decoration:none}
.tabs a[aria-current=page]{border-bottom:3px solid var(--accent);font-weight:600}
form.row-form{display:flex;gap:6px;align-items:end;flex-wrap:wrap;margin:2px 0}
form.row-form label{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
button.danger{background:var(--red);border-color:var(--red)}
button.secondary,.button.secondary{background:#fff;color:var(--accent)}
ol.timeline li.undone s{color:var(--muted)}
details.correction{margin:12px 0}details.correction summary{cursor:pointer;color:var(--accent)}
tr.inactive td{color:var(--muted)}
.htmx-indicator{opacity:0;transition:opacity .2s}
.htmx-request .htmx-indicator,.htmx-request.htmx-indicator{opacity:1}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:16px}
@media (max-width:800px){.cols{grid-template-columns:1fr}main{padding:8px}}
.m-done{color:var(--green)}.m-on_track{color:var(--accent)}.m-at_risk{color:var(--amber)}.m-overdue,.m-critical{color:var(--red)}
.m-critical{margin-left:4px}
.notice.warn{border-left-color:var(--amber)}
svg.timeline{width:100%;max-width:900px;height:auto;display:block;margin:8px 0}
.tl-baseline{fill:#afb8c1}.tl-plan{fill:var(--accent)}.tl-actual{fill:var(--green)}.tl-diamond{fill:currentColor}
.tl-today{stroke:var(--red);stroke-dasharray:4 3}.tl-label{font-size:12px;fill:var(--fg)}
.tl-weekend{fill:#eaeef2}.tl-holiday{fill:#d0d7de}
ul.status-counts{display:flex;flex-wrap:wrap;gap:8px 16px;list-style:none;padding:0;margin:8px 0}
ul.status-counts a[aria-current]{font-weight:600;text-decoration:underline}
.inline-form{display:flex;gap:4px;align-items:center;flex-wrap:wrap;margin-top:4px}
.inline-form label{display:inline}
table.bm td{white-space:normal;min-width:7em;font-size:12px}
table.bm td.m-done{background:#dafbe1}table.bm td.m-at_risk{background:#fff8c5}table.bm td.m-overdue{background:#ffebe9}
table.bm td.m-done,table.bm td.m-at_risk,table.bm td.m-overdue,table.bm td.m-on_track{color:var(--fg)}
ul.history{font-size:12px;padding-left:18px}
@page battlemap{size:A3 landscape;margin:10mm}
.battle-map{page:battlemap}
.print-head{display:none}
.rev-section{margin:16px 0}.rev-section table{margin-bottom:8px}
.rev-more{margin:-4px 0 12px}.print-only{display:none}
@media print{.print-only{display:block;font-weight:600}.rev-more a{display:none}.rev-print-note{display:none}}
@page weekly{size:A4 landscape;margin:16mm 10mm 10mm}
@media print{.weekly-review{page:weekly}.rev-nav,.lang,.skip{display:none}.print-head{display:block;position:fixed;top:-10mm;left:0;right:0;font-size:10px;color:#444}.rev-section+.rev-section{break-before:page}.rev-section table{break-inside:auto}.rev-section tr{break-inside:avoid}}
@media print{.topbar,.mainnav,form,.pager{display:none}th,td{white-space:normal}a{color:inherit;text-decoration:none}}
.nowrap,time{white-space:nowrap}
.list-totals{margin:4px 0 8px;font-variant-numeric:tabular-nums}
a.sort{color:inherit}
tfoot td{font-weight:600;border-top:2px solid var(--line)}
.print-head{display:none}
.table-wrap>table tr>:first-child{position:sticky;left:0;background:var(--bg);z-index:1}
.table-wrap>table thead tr>:first-child{background:var(--head);z-index:2}
.table-wrap>table tfoot tr>:first-child{background:var(--bg)}
@media (max-width:600px){
.topbar{flex-wrap:nowrap;gap:8px;padding:6px 8px;white-space:nowrap;overflow:hidden}
.topbar .app-title,.topbar .today{display:none}
.topbar .org,.topbar .who{min-width:0;overflow:hidden;text-overflow:ellipsis}
.topbar .spacer{flex:1 1 0;min-width:0}}
@page{size:A4 landscape;margin:10mm}
@media print{
.topbar,.mainnav,form,.pager,.no-print,.button,nav{display:none!important}
.print-head{display:block;margin:0 0 8px;border-bottom:1px solid #000;padding-bottom:4px}
.print-head .org{font-weight:600}
body{font-size:11px}main{padding:0;max-width:none}
.table-wrap{overflow:visible}
.table-wrap>table tr>:first-child{position:static}
thead th{position:static}
thead{display:table-header-group}tfoot{display:table-row-group}tr{break-inside:avoid}
th,td{white-space:normal;padding:3px 4px}
td.num,th.num,.nowrap,time,.badge{white-space:nowrap}
a{color:inherit;text-decoration:none}}
`;
