"""The dashboard's code, by room (a newcomer finds where a change goes from the path):

- `desk/*.py` — pure logic, no Streamlit: `loading` (data files), `filters` (the filter registry),
  `labels` (days, periods, source names, shortening), `marks` (what the timeline draws), `charts`
  and `actor_charts` (plotly figures), `tables`, `highlight` (article material as safe HTML).
- `desk/export/` — briefing exports, no Streamlit: `briefing` (page layout and image of a briefing),
  `images` (kaleido rendering), `data` (CSV/Excel/JSON/TimelineJS: one table of formats), `cli`
  (`python -m desk.export`).
- `desk/ui/` — the only modules that import Streamlit: `caching` (cached frames), `sidebar`
  (filter widgets and the URL), `detail` (one statement), `export_panel`.
"""
