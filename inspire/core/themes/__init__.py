"""Practice themes of recommendations, and similar recommendations across authorities.

Pure Python (no web framework): ``themes_of`` places a recommendation's text in the declared
taxonomy (``taxonomy.THEMES``) by its phrases; ``SimilarityIndex`` finds the most similar
recommendations by TF-IDF cosine similarity (scikit-learn), all computed locally.
"""

from inspire.core.themes.classify import themes_of
from inspire.core.themes.similar import SimilarityIndex
from inspire.core.themes.taxonomy import BY_ID, THEMES, Theme

__all__ = ["BY_ID", "THEMES", "SimilarityIndex", "Theme", "themes_of"]
