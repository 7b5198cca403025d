"""Signals other apps listen to, so this app needs no knowledge of them."""

from django.dispatch import Signal

#: Sent after reports are stored (an upload; each transaction of an ingest), with ``inspections``:
#: the Inspections newly stored. The indicators app turns their area facts into dated values.
inspections_stored = Signal()
