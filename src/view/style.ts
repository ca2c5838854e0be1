/**
 * The page's only style sheet. Kinds differ by colour and by underline style too, so a black-and-white print still
 * tells a target (solid) from an actual (double) and an other (dotted).
 */
export const STYLE = `
:root{--target:#1d4ed8;--target-bg:#dbe7ff;--actual:#15803d;--actual-bg:#d7f5df;--other:#6b7280;--other-bg:#ececec;
--heading-bg:#fff1c2;--task-bg:#f6f0ff;--org:#9a3412;--removed:#9ca3af}
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{display:flex;flex-direction:column;font:15px/1.75 system-ui,"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:#1f2328;background:#fff}
header{padding:.5rem 1rem;border-bottom:1px solid #d0d7de;background:#f6f8fa}
header h1{font-size:1.15rem;margin:0 0 .2rem}
.meta{font-size:.85rem;color:#57606a;margin:0}
.controls{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;align-items:center;margin-top:.35rem;font-size:.85rem}
.controls fieldset{border:0;padding:0;margin:0;display:flex;gap:.6rem;align-items:center}
.controls legend{float:left;margin-right:.4rem;color:#57606a}
.controls select{max-width:22rem;font:inherit}
.swatch{display:inline-block;width:.9em;height:.9em;vertical-align:-.1em;border-radius:2px;margin-right:.2em;border:1px solid}
.sw-target{background:var(--target-bg);border-color:var(--target)}.sw-actual{background:var(--actual-bg);border-color:var(--actual)}.sw-other{background:var(--other-bg);border-color:var(--other)}
.sw-heading{background:var(--heading-bg);border-color:#d4a900}.sw-task{background:var(--task-bg);border-color:#c4b5fd}.sw-org{border:0;border-bottom:2px dotted var(--org);border-radius:0}.sw-removed{background:repeating-linear-gradient(135deg,#e5e7eb 0 3px,#fff 3px 6px);border-color:var(--removed)}
main{flex:1;min-height:0;display:grid;grid-template-columns:minmax(0,1fr) minmax(300px,34%)}
#text{overflow:auto;padding:1rem 1.5rem 40vh}
#text .body{max-width:52em;white-space:pre-wrap;overflow-wrap:anywhere}
aside{overflow:auto;border-left:1px solid #d0d7de;padding:.6rem .8rem;background:#fbfbfc;font-size:.88rem}
aside h2{font-size:.95rem;margin:.4rem 0}
#panel{position:sticky;top:-.6rem;max-height:60vh;overflow:auto;background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.5rem .7rem;margin-bottom:.6rem;box-shadow:0 1px 3px #0001}
#panel[hidden]{display:none}
#panel h2{margin:0 0 .3rem;display:flex;justify-content:space-between;gap:.5rem}
#panel button{font:inherit;cursor:pointer}
#panel dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem .6rem;margin:0}
#panel dt{color:#57606a}
#panel dd{margin:0;overflow-wrap:anywhere;white-space:pre-wrap}
#panel .outer{margin-top:.4rem;font-size:.8rem}
#panel .outer button{margin:.1rem .2rem 0 0;padding:0 .3rem;border:1px solid #d0d7de;background:#f6f8fa;border-radius:4px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:.2rem .3rem;border-bottom:1px solid #e5e7eb}
th{position:sticky;top:0;background:#fbfbfc}
tbody tr{cursor:pointer}
tbody tr:hover,tbody tr:focus{background:#eef2ff;outline:none}
td.num{white-space:nowrap}
.chip{display:inline-block;padding:0 .3em;border-radius:3px;font-size:.75rem;color:#fff}
.chip.k-target{background:var(--target)}.chip.k-actual{background:var(--actual)}.chip.k-other{background:var(--other)}
.m{cursor:pointer;border-radius:2px}
.heading{background:var(--heading-bg);font-weight:700}
.task{background:var(--task-bg);box-shadow:inset 0 -1px #c4b5fd}
.org{text-decoration:underline dotted var(--org) 2px;text-underline-offset:3px;color:var(--org)}
.removed{color:var(--removed);text-decoration:line-through;background:repeating-linear-gradient(135deg,#f3f4f6 0 4px,#fff 4px 8px)}
.quantity{font-weight:600;padding:0 1px;text-underline-offset:4px;text-decoration-thickness:2px}
.quantity.k-target{background:var(--target-bg);color:var(--target);text-decoration-line:underline;text-decoration-color:var(--target)}
.quantity.k-actual{background:var(--actual-bg);color:var(--actual);text-decoration:underline double var(--actual)}
.quantity.k-other{background:var(--other-bg);color:#374151;text-decoration:underline dotted var(--other)}
.m.sel{outline:2px solid #f97316;outline-offset:1px}
.off-heading .heading,.off-task .task,.off-org .org,.off-removed .removed,
.off-target .quantity.k-target,.off-actual .quantity.k-actual,.off-other .quantity.k-other
{background:none;color:inherit;font-weight:inherit;text-decoration:none;box-shadow:none}
.off-target tr.k-target,.off-actual tr.k-actual,.off-other tr.k-other{display:none}
.region[hidden],tr[hidden]{display:none}
.print-only{display:none}
@media (max-width:900px){main{display:block;overflow:auto}#text{overflow:visible;padding-bottom:1rem}aside{border-left:0;border-top:1px solid #d0d7de}}
@media print{
  html,body{height:auto;display:block}
  *{print-color-adjust:exact;-webkit-print-color-adjust:exact}
  @page{margin:15mm}
  .controls,#panel{display:none!important}
  .print-only{display:block}
  main{display:block}
  #text{overflow:visible;padding:0;font-size:11pt}
  #text .body{max-width:none}
  aside{overflow:visible;border:0;padding:0;background:none;break-before:page}
  th{position:static}
  .m.sel{outline:none}
}
`;
