"""Signals other apps listen to, so this app needs no knowledge of them."""

from django.dispatch import Signal

#: Sent once after a batch of reports is stored (an ingest, an upload), with ``inspections``: the
#: Inspections newly stored. The indicators app turns their area facts into dated values.
inspections_stored = Signal()
