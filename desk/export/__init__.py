"""Briefing exports, no Streamlit: `briefing` (the on-screen chart laid out as a page, and its image), `images`
(kaleido rendering in one kept browser), `data` (CSV/Excel/JSON/TimelineJS, one table of formats) and `cli`
(`python -m desk.export`)."""
