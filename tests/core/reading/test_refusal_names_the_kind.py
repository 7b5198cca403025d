"""A document Inspire does not read yet is refused with what it says it is."""

from __future__ import annotations

import pytest

from inspire.core.reading import read_bytes
from inspire.core.reading.errors import NotAnOfstedReport

FOCUSED_VISIT = """12 March 2024
Jane Smith
Director of Children's Services
Anytown Council

Dear Jane
Focused visit to Anytown children's services
This letter summarises the findings of the focused visit to Anytown children's services by Ofsted
under the inspection of local authority children's services framework. This visit was carried out
on 6 and 7 February 2024.
"""

LOCAL_AREA_SEND = """Joint local area SEND inspection in Anytown
Between 4 June 2018 and 8 June 2018, Ofsted and the Care Quality Commission (CQC) conducted a joint
inspection of the local area of Anytown to judge the effectiveness of the area in implementing the
disability and special educational needs reforms.
"""


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (FOCUSED_VISIT, "this is an Ofsted focused visit letter; Inspire does not read those yet"),
        (LOCAL_AREA_SEND, "this is a local area SEND inspection letter \\(2016-22\\); Inspire does not read those yet"),
    ],
)
def test_a_document_that_says_what_it_is_is_refused_by_name(text, named):
    with pytest.raises(NotAnOfstedReport, match=named):
        read_bytes(text.encode(), "letter.txt")


def test_a_document_that_does_not_say_what_it_is_gets_the_general_refusal():
    with pytest.raises(NotAnOfstedReport, match="no Ofsted report on a local authority's children's services"):
        read_bytes(b"Minutes of the allotments committee, 3 May 2024.\nApologies were received.\n", "minutes.txt")
