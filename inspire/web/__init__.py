"""The Django layer: a thin web application, API and storage over ``inspire.core``."""
