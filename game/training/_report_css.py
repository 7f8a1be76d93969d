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
.kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:14px;margin-bottom:18px}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:14px 16px;
border-top:4px solid var(--accent)}
.kpi .v{font-size:28px;font-weight:700;line-height:1.1}.kpi .l{color:var(--muted);font-size:13px}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:18px}.grid2 .card{margin-bottom:18px}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:10px 18px}
table{border-collapse:collapse;width:100%}
.profiles th{text-align:left;font-weight:600;padding:4px 10px 4px 0;white-space:nowrap;width:1%}
.profiles td{padding:4px 0}.profiles td.n{color:var(--muted);text-align:right;width:40px}
.legend{display:flex;flex-wrap:wrap;gap:14px;margin-top:8px;font-size:13px;color:var(--muted)}
.legend i{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:6px;vertical-align:-1px}
.pill{display:inline-block;border:1.5px solid;border-radius:999px;padding:0 9px;font-size:12px;font-weight:700;
white-space:nowrap;background:#fff}
.phase{font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.08em;color:var(--accent2)}
.scene{margin:4px 0 10px;font-style:italic;color:#3a4652}
.scene-block{padding:14px 0;border-top:1px solid var(--line)}.scene-block:first-of-type{border-top:0}
.dist th{text-align:left;font-size:12px;color:var(--muted);font-weight:600;padding:2px 8px 6px 0}
.dist td{padding:5px 8px 5px 0;vertical-align:middle}.dist td.t{width:50%}
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
@media print{body{background:#fff}.card,.kpi{box-shadow:none;break-inside:avoid}header.top{background:#2f6f8f}
.scenario{break-before:page}}
"""
)
