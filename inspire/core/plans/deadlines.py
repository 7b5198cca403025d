"""The statutory deadline for a written statement of action after an inspection.

The council must send its plan within 70 working days of receiving the report (the publication
date unless the user gives another). Working days come from :mod:`inspire.core.calendar` (England
and Wales bank holidays); the day of receipt is day 0, so the deadline is the 70th working day
after it. 7 July 2016 gives 14 October 2016; 9 May 2023 gives 16 August 2023.
"""

from __future__ import annotations

from datetime import date

from inspire.core.calendar import add_working_days

STATUTORY_WORKING_DAYS = 70


def submission_deadline(received: date, working_days: int = STATUTORY_WORKING_DAYS) -> date:
    """The last day to send the plan: ``working_days`` working days after ``received``."""
    if working_days < 0:
        raise ValueError("working_days must not be negative")
    return add_working_days(received, working_days)
