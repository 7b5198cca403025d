"""Similar recommendations: TF-IDF cosine similarity over their texts (scikit-learn), computed locally.

Words and word pairs are weighted by how rare they are across all stored recommendations, so two
items sharing "return home interviews" are close while two sharing "ensure that" are not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from inspire.core.themes.classify import normalise


@dataclass(frozen=True)
class Match:
    index: int
    score: float


class SimilarityIndex:
    """An index of many recommendation texts; ``similar(i)`` gives the nearest others."""

    def __init__(self, texts: Sequence[str]):
        # scikit-learn takes a second or more to import: only when similarity is first asked for
        from sklearn.feature_extraction.text import TfidfVectorizer

        self._vectorizer = TfidfVectorizer(
            preprocessor=normalise, ngram_range=(1, 2), sublinear_tf=True, stop_words="english", min_df=1
        )
        self._matrix = self._vectorizer.fit_transform(list(texts)) if texts else None

    def similar(self, index: int, *, limit: int = 10, exclude: set[int] | frozenset[int] = frozenset()) -> list[Match]:
        """The ``limit`` most similar texts to text ``index`` (itself and ``exclude`` left out), best first."""
        return self._rank(self._matrix[index], limit=limit, exclude=set(exclude) | {index})

    def similar_to_text(
        self, text: str, *, limit: int = 10, exclude: set[int] | frozenset[int] = frozenset()
    ) -> list[Match]:
        """The most similar indexed texts to a text that is not in the index (a plan's own item, say)."""
        if self._matrix is None:
            return []
        return self._rank(self._vectorizer.transform([text]), limit=limit, exclude=set(exclude))

    def _rank(self, row, *, limit: int, exclude: set[int]) -> list[Match]:
        if self._matrix is None:
            return []
        from sklearn.metrics.pairwise import linear_kernel

        scores = linear_kernel(row, self._matrix).ravel()
        found: list[Match] = []
        for i in scores.argsort()[::-1]:  # best first: stop at the first score of 0, or at ``limit``
            if scores[i] <= 0 or len(found) == limit:
                break
            if i not in exclude:
                found.append(Match(int(i), float(scores[i])))
        return found
