"""The framework-free core: reading reports, plan rules and indicator maths.

Nothing under ``inspire.core`` imports Django; ``tests/core/test_purity.py`` checks it.
"""
