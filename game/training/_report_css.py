"""The report's stylesheet (inlined into the HTML; system fonts only, nothing fetched).

The colours of styles, ratings and chart lines are CSS variables made from the game's palette
(``game.locale.palette``): ``var(--style-assertive)``, ``var(--rating-best)``, ``var(--series-1)``.
"""

from game.locale.palette import css_variables

CSS = (
    ":root{"
    + css_variables()
    + "}"
    + """
:root{--ink:#26313d;--muted:#5b6672;--line:#e3e6ea;--bg:#f6f4f0;--card:#fff;--accent:#2f6f8f;--accent2:#2e7d6b}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 "Open Sans","Segoe UI",Roboto,"Helvetica Neue",
Arial,"Noto Sans",sans-serif}
.wrap{max-width:1120px;margin:0 auto;padding:0 28px}
header.top{background:linear-gradient(120deg,#23495e,#2f6f8f 60%,#3d8a7f);color:#fff;padding:34px 0 30px;
margin-bottom:26px}
header.top .brand{font-size:13px;letter-spacing:.14em;text-transform:uppercase;opacity:.85;font-weight:700}
header.top h1{margin:6px 0 4px;font-size:32px;font-weight:700}
header.top p{margin:0;opacity:.9}
h2{font-size:24px;margin:6px 0 14px}
h3{font-size:17px;margin:0 0 2px}
h4{font-size:14px;margin:6px 0 6px;color:var(--muted);text-transform:uppercase;letter-spacing:.06em}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:18px 20px;margin:0 0 18px;
box-shadow:0 1px 2px rgba(20,30,40,.05)}
.note{color:var(--muted);margin:0 0 12px;font-size:13.5px}
.muted{color:var(--muted)}
.warn{background:#fff6e5;border:1px solid #f0d29a;padding:8px 12px;border-radius:8px}
.toc ul{margin:4px 0 0;padding-left:18px}.toc li{margin:2px 0}.toc a{color:var(--accent);text-decoration:none}
.cohort-head{display:flex;align-items:center;gap:12px;margin:30px 0 10px;font-size:13px;text-transform:uppercase;
letter-spacing:.1em;color:var(--muted);font-weight:700}
.cohort-head span{background:var(--accent);color:#fff;border-radius:999px;padding:3px 14px;font-size:15px;
letter-spacing:.04em}
.scenario{margin-bottom:30px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:14px;margin-bottom:18px}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:14px 16px;
border-top:4px solid var(--accent)}
.kpi .v{font-size:28px;font-weight:700;line-height:1.1}.kpi .l{color:var(--muted);font-size:13px}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:18px}.grid2 .card{margin-bottom:18px}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:10px 18px}
table{border-collapse:collapse;width:100%}
.profiles th{text-align:left;font-weight:600;padding:4px 10px 4px 0;white-space:nowrap;width:1%}
.profiles td{padding:4px 0}.profiles td.n{color:var(--muted);text-align:right;width:40px;white-space:nowrap}
.legend{display:flex;flex-wrap:wrap;gap:14px;margin-top:8px;font-size:13px;color:var(--muted)}
.legend i{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:6px;vertical-align:-1px}
.pill{display:inline-block;border:1.5px solid;border-radius:999px;padding:0 9px;font-size:12px;font-weight:700;
white-space:nowrap;background:#fff}
.phase{font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.08em;color:var(--accent2)}
.scene{margin:4px 0 10px;font-style:italic;color:#3a4652}
.scene-block{padding:14px 0;border-top:1px solid var(--line)}.scene-block:first-of-type{border-top:0}
.dist th{text-align:left;font-size:12px;color:var(--muted);font-weight:600;padding:2px 8px 6px 0}
.dist{table-layout:fixed}.dist col.c-text{width:40%}.dist col.c-style{width:14%}.dist col.c-bar{width:19%}
.dist col.c-did{width:auto}
.dist.votes col.c-text{width:32%}.dist.votes col.c-style{width:13%}.dist.votes col.c-bar{width:17%}
.dist td{padding:5px 8px 5px 0;vertical-align:middle;overflow-wrap:anywhere}
svg.bar{max-width:100%;height:auto}
.dist tr.best td.t{font-weight:600}.star{color:#c08a2e}
.struggles{list-style:none;margin:0;padding:0}
.struggles li{display:flex;gap:16px;padding:12px 0;border-top:1px solid var(--line)}
.struggles li:first-child{border-top:0}
.struggles .share{flex:0 0 74px;height:74px;border-radius:50%;background:#fbeee9;color:#b0442f;display:flex;
align-items:center;justify-content:center;font-size:22px;font-weight:800;border:3px solid #e9b7a9}
.change{margin:0 0 2px;font-weight:700;font-size:13.5px}.change.better{color:#2e7d6b}
.change.worse{color:#b23c3c}.change.same{color:var(--muted)}
.dist td.did .change{font-size:12.5px;white-space:nowrap}.change .muted{font-weight:400}
.struggles p{margin:2px 0}.why{color:#3a4652}
footer{color:var(--muted);font-size:12.5px;padding:10px 28px 40px}
@media (max-width:800px){.grid2{grid-template-columns:1fr}.kpis{grid-template-columns:1fr 1fr}}
.compare{margin:4px 0 8px}
.compare th,.compare td{text-align:left;padding:5px 10px 5px 0;border-top:1px solid var(--line);
vertical-align:middle}.compare thead th{border-top:0;font-size:13px;color:var(--muted)}
.compare tbody th{font-weight:600;white-space:nowrap;width:1%}.compare td .muted{font-size:12px}
.profiles th.sub{padding-top:10px;font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.profiles tr.room th{font-style:italic}.room{margin:2px 0;font-size:13.5px}
.sources{margin:6px 0 0;font-size:13.5px;color:var(--muted)}.sources b{font-weight:600;color:var(--ink)}
.sources ul{margin:2px 0 0;padding-left:18px}
.overview{margin-bottom:24px}
.learners{margin-top:30px}.learner h3 .muted{font-weight:400;font-size:14px}
.attempts{margin:8px 0}.attempts th{text-align:left;font-size:12px;color:var(--muted);font-weight:600;
padding:2px 10px 6px 0}.attempts td{padding:4px 10px 4px 0;border-top:1px solid var(--line)}
.attempts{table-layout:fixed}.attempts col.a-date{width:15%}.attempts col.a-scenario{width:24%}
.attempts col.a-n{width:7%}.attempts col.a-ending{width:26%}.attempts td.n{text-align:right}
.attempts td.d{white-space:nowrap}
.progress{max-width:440px;display:inline-block;width:100%;margin-right:16px}
.progress .cap{margin:4px 0 0;font-size:13px;font-weight:600}.progress svg{width:100%;height:auto}
.toc .people a{margin-right:6px}
@page{margin:10mm}
@media print{
body{background:#fff;font-size:9pt;line-height:1.3;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.wrap{max-width:none;padding:0}
header.top{background:#2f6f8f;padding:10px 14px;margin-bottom:10px}header.top h1{font-size:18pt;margin:2px 0}
h2{font-size:15pt;margin:0 0 6px}h3{font-size:11.5pt}h4{font-size:9pt;margin:4px 0}
.card{box-shadow:none;border:0;border-top:1px solid var(--line);border-radius:0;padding:6px 0;margin:0 0 8px}
.note{font-size:8.5pt;margin:0 0 4px}
.kpis{grid-template-columns:repeat(5,1fr);gap:6px;margin-bottom:8px}.kpi{padding:4px 8px;box-shadow:none}
.kpi .v{font-size:14pt}.kpi .l{font-size:8pt}
.grid2{grid-template-columns:1fr 1fr;gap:14px}.grid2 .card{margin-bottom:6px}
.grid2 svg.chart{max-width:100%!important}.profiles td.w svg{max-width:100%!important}
.profiles td,.profiles th{font-size:8pt}
.charts{grid-template-columns:repeat(3,1fr);gap:4px 10px}.charts>div{break-inside:avoid}
.charts svg{width:100%;height:auto}
.scenario{break-before:page}.overview+.scenario{break-before:auto}
.scenario h2,.learners h2,.learners>.note{break-after:avoid}
.card h3,.card .note,h4{break-after:avoid}
.scene-block{padding:5px 0}.scene-block .phase,.scene-block .scene{break-after:avoid}
.scene{margin:1px 0 3px;font-size:8.5pt}
.dist th{font-size:8pt;padding:0 6px 2px 0}.dist td{padding:1px 6px 1px 0}
.dist td.did .change{font-size:7.5pt}.change{font-size:8.5pt}
.pill{font-size:7.5pt;padding:0 5px}svg.bar{width:100%;max-width:125px}
.struggles li{padding:5px 0;gap:10px;break-inside:avoid}.room{font-size:8.5pt}
.struggles .share{flex-basis:46px;height:46px;font-size:12pt;border-width:2px}
.profiles td,.profiles th{padding:1px 8px 1px 0}.legend{font-size:8pt;margin-top:4px}
.compare th,.compare td{padding:2px 8px 2px 0}.compare{break-inside:avoid}
tr{break-inside:avoid}thead{display:table-header-group}
.learner{break-inside:avoid;padding:4px 0;margin:0 0 4px}.attempts td{padding:1px 8px 1px 0;font-size:8pt}
.attempts th{font-size:7.5pt}
.attempts{margin:2px 0}.attempts col.a-date{width:13%}.attempts col.a-scenario{width:22%}
.attempts col.a-n{width:6%}.attempts col.a-ending{width:22%}.attempts td{line-height:1.2}.learner h3{font-size:10.5pt}
.progress{max-width:250px;display:inline-block;margin:2px 16px 0 0}
.dist td,.scene{font-size:8pt;line-height:1.22}.dist td.did .change{display:inline;margin-right:6px;white-space:normal}
.dist col.c-text{width:44%}.dist col.c-style{width:15%}.dist col.c-bar{width:15%}
.dist.votes col.c-text{width:34%}.dist.votes col.c-style{width:14%}.dist.votes col.c-bar{width:12%}
.charts .change{margin:0}
.sources{font-size:8pt;margin:2px 0 0;break-inside:avoid}.sources ul{margin:0}
footer{padding:6px 0}
}
"""
)
