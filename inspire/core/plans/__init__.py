"""Improvement-plan rules, free of the web framework: statutory deadlines, RAG status, risk
scoring, Word and Excel import/export and board packs. Everything here works on plain data."""
