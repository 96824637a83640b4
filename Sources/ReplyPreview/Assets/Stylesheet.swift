/// The site's one stylesheet: system fonts only, light and dark schemes, contrast of at least
/// 4.5:1 for text in both.
enum Stylesheet {
    static let css = #"""
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #0f1419; --muted: #536471; --line: #cfd9de; --panel: #f7f9f9;
  --accent: #0b5cad; --accent-fg: #ffffff; --mark: #fff3b0; --mark-fg: #3d2e00;
  --ok: #0a6b37; --near: #8a5a00; --over: #b00020; --focus: #1d4ed8;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #000000; --fg: #e7e9ea; --muted: #a3adb5; --line: #3a4046; --panel: #16181c;
    --accent: #6cb6ff; --accent-fg: #00152b; --mark: #4a3b00; --mark-fg: #fff1b8;
    --ok: #4ade80; --near: #fbbf24; --over: #ff6b81; --focus: #93c5fd;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", "Noto Sans Arabic", sans-serif; }
main { padding: 1rem 1.5rem 3rem; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem; }
.skip:focus { left: .5rem; }
.crumbs { margin-bottom: .5rem; color: var(--muted); }
h1 { font-size: 1.6rem; margin: .2rem 0 .6rem; }
h2 { font-size: 1.15rem; margin: 0 0 .6rem; }
h3 { font-size: .95rem; margin: 1rem 0 .4rem; color: var(--muted); }
.summary { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
.summary dt { color: var(--muted); }
.summary dd { margin: 0; }
.locales { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(24rem, 1fr); gap: 1rem; overflow-x: auto; padding-bottom: 1rem; }
.locale { border: 1px solid var(--line); border-radius: 12px; padding: .8rem; background: var(--panel); min-width: 0; }
.pair { display: grid; gap: .8rem; }
.card { background: var(--bg); border: 1px solid var(--line); border-radius: 12px; padding: .75rem .9rem; position: relative; }
.card.worst { border-style: dashed; }
.card-head { display: flex; gap: .6rem; align-items: center; margin-bottom: .35rem; }
.avatar { width: 40px; height: 40px; border-radius: 50%; background: var(--accent); color: var(--accent-fg);
  display: inline-flex; align-items: center; justify-content: center; font-weight: 700; flex: none; }
.who { display: flex; flex-wrap: wrap; gap: .3rem; }
.name { font-weight: 700; }
.handle { color: var(--muted); }
.card-text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 .5rem; font-size: 15px; }
.entity { color: var(--accent); }
mark.slot { background: var(--mark); color: var(--mark-fg); border-radius: 3px; padding: 0 1px; font-family: ui-monospace, monospace; font-size: .9em; }
.dm { margin: .4rem 0; }
.dm-button { display: flex; width: 100%; justify-content: center; align-items: center; gap: .5rem; font: inherit; font-weight: 700;
  border: 1px solid var(--line); border-radius: 9999px; padding: .45rem 1rem; background: var(--bg); color: var(--fg); cursor: pointer; }
.dm-button::before { content: "\2709\FE0E" / ""; font-size: 1.15em; line-height: 1; }
.prefill { margin: .35rem 0 0; color: var(--muted); font-size: .9em; }
.prefill q { color: var(--fg); }
.card-foot { display: flex; justify-content: space-between; align-items: center; gap: .5rem; }
.card-caption { color: var(--muted); font-size: .85em; display: inline-block; }
.card-caption::first-letter { text-transform: uppercase; }
.ring { display: flex; align-items: center; justify-content: flex-end; gap: .3rem; font-variant-numeric: tabular-nums; }
.ring::before { content: ""; width: 26px; height: 26px; border-radius: 50%; --c: var(--ok);
  background: radial-gradient(closest-side, var(--bg) 70%, transparent 72%), conic-gradient(var(--c) calc(var(--p) * 1%), var(--line) 0); }
.ring-near::before { --c: var(--near); } .ring-over::before, .ring-unknown::before { --c: var(--over); }
.ring-over .ring-figure { color: var(--over); font-weight: 700; }
.ring-limit { color: var(--muted); }
.card-error { border: 1px solid var(--over); border-radius: 12px; padding: .5rem .8rem; }
.error-message { color: var(--over); }
.findings ul { margin: 0; padding-inline-start: 1.1rem; }
.finding { margin: .2rem 0; }
.finding .severity { font-weight: 700; }
.sev-error .severity { color: var(--over); } .sev-warning .severity { color: var(--near); } .sev-info .severity { color: var(--muted); }
.finding .where, .finding .help { color: var(--muted); display: block; }
.clean { color: var(--ok); margin: 0; }
.missing-note, .missing-list { color: var(--over); }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: .5rem 0 1rem; }
select, button { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: .2rem .4rem; }
table.index { border-collapse: collapse; width: 100%; }
table.index caption { text-align: start; font-weight: 700; margin-bottom: .4rem; }
table.index th, table.index td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: start; vertical-align: top; }
table.index thead th { position: sticky; top: 0; background: var(--panel); }
button.sort { border: none; background: none; font-weight: 700; padding: 0; cursor: pointer; }
th[aria-sort="ascending"] button.sort::after { content: " ▲"; } th[aria-sort="descending"] button.sort::after { content: " ▼"; }
.worst.over { color: var(--over); font-weight: 700; }
.badge { border: 1px solid currentColor; border-radius: 9999px; padding: 0 .45rem; font-size: .85em; }
.state-open { color: var(--ok); } .state-scheduled { color: var(--near); } .state-ended, .state-retired, .state-undeclared, .state-draft { color: var(--over); }
.missing-row { color: var(--muted); }
"""#
}
