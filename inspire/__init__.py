"""Inspire: inspection and improvement software for English local authority children's services."""

__version__ = "0.1.0"
