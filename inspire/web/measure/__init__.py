"""Performance indicators in the web application: Annex A imports, computed values, comparators."""
